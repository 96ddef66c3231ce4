package dev.proctor.lm;

/**
 * Log-softmax normaliser, arg-max, top-k and rank of one logits row, the normaliser in double precision: what every
 * backend and the token statistics read from a row of float logits.
 */
public final class LogSoftmax {
    private LogSoftmax() {
    }

    /** {@code log(sum_v exp(row[from + v]))} over {@code vocab} entries, stable against overflow. */
    public static double logSumExp(float[] rows, int from, int vocab) {
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
    public static int argmax(float[] rows, int from, int vocab) {
        int best = 0;
        for (int v = 1; v < vocab; v++) {
            if (rows[from + v] > rows[from + best]) {
                best = v;
            }
        }
        return best;
    }

    /** The {@code k} largest of {@code vocab} entries, largest first, ties by lower index (a partial selection). */
    public static int[] topK(float[] rows, int from, int vocab, int k) {
        int[] best = new int[k];
        int size = 0;
        for (int v = 0; v < vocab; v++) {
            float x = rows[from + v];
            if (size == k && (k == 0 || x <= rows[from + best[k - 1]])) {
                continue;
            }
            int at = size < k ? size++ : k - 1;
            while (at > 0 && rows[from + best[at - 1]] < x) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = v;
        }
        return java.util.Arrays.copyOf(best, size);
    }

    /** 1 + how many of the {@code vocab} entries are strictly larger than entry {@code id}: vLLM's 1-based rank. */
    public static int rank(float[] rows, int from, int vocab, int id) {
        float x = rows[from + id];
        int larger = 0;
        for (int v = 0; v < vocab; v++) {
            if (rows[from + v] > x) {
                larger++;
            }
        }
        return larger + 1;
    }
}
