package dev.proctor.tasks.retrieval.encode;

/**
 * What an encoder did so far.
 *
 * @param forwardCalls  model forward calls (batches)
 * @param texts         texts encoded
 * @param realTokens    tokens that were not padding
 * @param paddedTokens  tokens fed, padding included
 * @param tokenizeNanos time in the tokenizer
 * @param forwardNanos  time in the model's forward, input and output copies included
 * @param totalNanos    wall time of {@code encode} calls
 */
public record EncodeStats(long forwardCalls, long texts, long realTokens, long paddedTokens, long tokenizeNanos,
                          long forwardNanos, long totalNanos) {
    public static final EncodeStats NONE = new EncodeStats(0, 0, 0, 0, 0, 0, 0);

    public EncodeStats plus(EncodeStats o) {
        return new EncodeStats(forwardCalls + o.forwardCalls, texts + o.texts, realTokens + o.realTokens,
                paddedTokens + o.paddedTokens, tokenizeNanos + o.tokenizeNanos, forwardNanos + o.forwardNanos,
                totalNanos + o.totalNanos);
    }

    /** Real tokens over fed tokens: 1 when no padding was needed. */
    public double paddingEfficiency() {
        return paddedTokens == 0 ? Double.NaN : (double) realTokens / paddedTokens;
    }

    public double textsPerSecond() {
        return totalNanos == 0 ? Double.NaN : texts / (totalNanos / 1e9);
    }
}
