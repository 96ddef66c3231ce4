package dev.proctor.lm;

/**
 * One sequence to run through the model, and the log-probabilities wanted from it: for each j,
 * {@code log P(targets[j] | tokens[0..positions[j]])}, i.e. the log-softmax of the logits at output
 * position {@code positions[j]} taken at token {@code targets[j]}.
 *
 * <p>With {@code topK > 0} the {@code topK} most likely tokens at each position come back too (a server's
 * {@code top_logprobs}).
 *
 * <p>Letter scoring asks for the four letter ids at the last position of the context (one forward per
 * question); log-likelihood scoring asks, for a continuation, each continuation token at the position before it.
 */
public record ScoreQuery(int[] tokens, int[] positions, int[] targets, int topK) {
    /** A query that wants only its targets' log-probabilities. */
    public ScoreQuery(int[] tokens, int[] positions, int[] targets) {
        this(tokens, positions, targets, 0);
    }

    public ScoreQuery {
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be 0 or more, was " + topK);
        }
        if (positions.length != targets.length) {
            throw new IllegalArgumentException("positions and targets differ in length");
        }
        for (int p : positions) {
            if (p < 0 || p >= tokens.length) {
                throw new IllegalArgumentException("position " + p + " outside a sequence of " + tokens.length + " tokens");
            }
        }
    }
}
