package dev.proctor.lm;

import dev.proctor.api.request.TokenStatistics;

/**
 * A text's token statistics from its models' next-token distributions at every position: the performer's
 * log-probability, log-rank and entropy at each position that predicts a token of the text, and, with an observer,
 * the cross-entropy {@code -sum_v p_observer(v) log p_performer(v)} at every position (Binoculars' metrics.py
 * {@code entropy(observer_logits, performer_logits)}, its last position included).
 */
public final class TextStatistics {
    private TextStatistics() {
    }

    /**
     * @param tokens    the observed tokens
     * @param ends      per token, the decoded length of the text up to it
     * @param truncated whether the text had more tokens
     * @param performer the performer's (or the single model's) distributions, one row per token
     * @param observer  the observer's, or null
     */
    public static TokenStatistics of(int[] tokens, int[] ends, boolean truncated, LogDistributions performer,
                                     LogDistributions observer) {
        int n = tokens.length;
        double[] logProbs = new double[n - 1];
        double[] logRanks = new double[n - 1];
        double[] entropies = new double[n - 1];
        for (int p = 0; p < n - 1; p++) {
            int next = tokens[p + 1];
            logProbs[p] = performer.logProb(p, next);
            logRanks[p] = Math.log(performer.rank(p, next));
            entropies[p] = performer.entropy(p);
        }
        double[] cross = new double[observer == null ? 0 : n];
        for (int p = 0; p < cross.length; p++) {
            cross[p] = observer.crossEntropy(p, performer, p);
        }
        return new TokenStatistics(n, truncated, ends, logProbs, logRanks, entropies, cross);
    }
}
