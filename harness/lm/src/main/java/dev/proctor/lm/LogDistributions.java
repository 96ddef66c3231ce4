package dev.proctor.lm;

/**
 * A model's next-token distributions at some positions of one sequence: the raw logits rows (float, as the engine
 * gives them) with each row's log-normaliser, so that log-probabilities, ranks and entropies are computed in double
 * precision without a second copy of the rows.
 *
 * @param logits row-major {@code [rows, vocab]}
 * @param logZ   per row, the log-sum-exp of its logits
 * @param vocab  the vocabulary size
 */
public record LogDistributions(float[] logits, double[] logZ, int vocab) {
    public LogDistributions {
        if (logits.length != logZ.length * vocab) {
            throw new IllegalArgumentException(logZ.length + " rows of " + vocab + " logits need " + logZ.length * vocab
                    + " values, got " + logits.length);
        }
    }

    /** Rows of logits with their log-normalisers computed here (max-shifted log-sum-exp in double). */
    public static LogDistributions of(float[] logits, int vocab) {
        int rows = logits.length / vocab;
        double[] logZ = new double[rows];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int v = r * vocab; v < (r + 1) * vocab; v++) {
                max = Math.max(max, logits[v]);
            }
            double sum = 0;
            for (int v = r * vocab; v < (r + 1) * vocab; v++) {
                sum += Math.exp(logits[v] - max);
            }
            logZ[r] = max + Math.log(sum);
        }
        return new LogDistributions(logits, logZ, vocab);
    }

    public int rows() {
        return logZ.length;
    }

    /** The log-probability of {@code token} at {@code row}. */
    public double logProb(int row, int token) {
        return logits[row * vocab + token] - logZ[row];
    }

    /** The 1-based rank of {@code token} at {@code row}: 1 + how many tokens are strictly more likely. */
    public int rank(int row, int token) {
        float target = logits[row * vocab + token];
        int above = 0;
        for (int v = row * vocab, end = v + vocab; v < end; v++) {
            above += logits[v] > target ? 1 : 0;
        }
        return above + 1;
    }

    /** The entropy of the distribution at {@code row}, in nats. */
    public double entropy(int row) {
        return crossEntropy(row, this, row);
    }

    /**
     * {@code -sum_v p(v) log q(v)}, p this model's distribution at {@code row} and q {@code other}'s at
     * {@code otherRow}: the Binoculars cross-perplexity term with this model the observer and {@code other} the
     * performer.
     */
    public double crossEntropy(int row, LogDistributions other, int otherRow) {
        if (other.vocab != vocab) {
            throw new IllegalArgumentException("distributions over " + vocab + " and " + other.vocab + " tokens");
        }
        double sum = 0;
        int base = row * vocab;
        int otherBase = otherRow * vocab;
        for (int v = 0; v < vocab; v++) {
            double p = Math.exp(logits[base + v] - logZ[row]);
            sum -= p * (other.logits[otherBase + v] - other.logZ[otherRow]);
        }
        return sum;
    }
}
