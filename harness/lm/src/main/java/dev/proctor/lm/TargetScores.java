package dev.proctor.lm;

/**
 * What a {@link ScoreQuery} asked for.
 *
 * @param logProbs    per target, its log-probability
 * @param greedy      per target, whether it was the most likely token at its position (the first on ties)
 * @param topIds      per target position, the query's {@code topK} most likely token ids, most likely first (ties by
 *                    id); empty rows when it asked for none
 * @param topLogProbs their log-probabilities
 * @param ranks       with alternatives, each target's 1-based rank among all tokens (1 + how many are more likely);
 *                    0 without
 */
public record TargetScores(double[] logProbs, boolean[] greedy, int[][] topIds, double[][] topLogProbs, int[] ranks) {
    /** Scores without alternatives. */
    public TargetScores(double[] logProbs, boolean[] greedy) {
        this(logProbs, greedy, new int[logProbs.length][0], new double[logProbs.length][0], new int[logProbs.length]);
    }

    public TargetScores {
        if (logProbs.length != greedy.length || topIds.length != logProbs.length
                || topLogProbs.length != logProbs.length || ranks.length != logProbs.length) {
            throw new IllegalArgumentException("logProbs, greedy and the top lists differ in length");
        }
    }
}
