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

    /** Rows of logits with their log-normalisers ({@link LogSoftmax#logSumExp}). */
    public static LogDistributions of(float[] logits, int vocab) {
        double[] logZ = new double[logits.length / vocab];
        for (int r = 0; r < logZ.length; r++) {
            logZ[r] = LogSoftmax.logSumExp(logits, r * vocab, vocab);
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
        return LogSoftmax.rank(logits, row * vocab, vocab, token);
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
