package dev.proctor.model.djl;

/** Log-softmax normaliser and arg-max of one logits row, the normaliser in double precision. */
final class LogSoftmax {
    private LogSoftmax() {
    }

    /** {@code log(sum_v exp(row[from + v]))} over {@code vocab} entries, stable against overflow. */
    static double logSumExp(float[] rows, int from, int vocab) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, rows[from + v]);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            sum += Math.exp(rows[from + v] - max);
        }
        return max + Math.log(sum);
    }

    /** The index of the largest of {@code vocab} entries; the first on ties, as torch.argmax. */
    static int argmax(float[] rows, int from, int vocab) {
        int best = 0;
        for (int v = 1; v < vocab; v++) {
            if (rows[from + v] > rows[from + best]) {
                best = v;
            }
        }
        return best;
    }
}
