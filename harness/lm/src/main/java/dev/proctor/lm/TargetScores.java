package dev.proctor.lm;

/**
 * What a {@link ScoreQuery} asked for.
 *
 * @param logProbs per target, its log-probability
 * @param greedy   per target, whether it was the most likely token at its position (the first on ties)
 */
public record TargetScores(double[] logProbs, boolean[] greedy) {
    public TargetScores {
        if (logProbs.length != greedy.length) {
            throw new IllegalArgumentException("logProbs and greedy differ in length");
        }
    }
}
