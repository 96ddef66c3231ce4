package dev.proctor.api.request;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a {@link TokenStatisticsRequest}: for a text of {@code n} tokens, at each of the {@code n - 1}
 * positions that predict a next token of the text, that token's log-probability, the log of its rank (1 + how many
 * tokens are more likely) and the entropy of the whole next-token distribution; and, from a model pair, the
 * cross-entropy between the two models' distributions at every one of the {@code n} positions (the last one, which
 * predicts nothing of the text, included: the Binoculars reference averages over all of them).
 *
 * <p>A pair of models answers with the performer's log-probabilities, ranks and entropies and, per position,
 * {@code -sum_v p_observer(v) log p_performer(v)}: Binoculars' perplexity and cross-perplexity.
 *
 * @param tokens         how many tokens of the text were observed
 * @param truncated      the text had more tokens than were observed
 * @param tokenEnds      per observed token, the length of the text its tokens up to and including it decode to
 *                       (maps tokens to words)
 * @param logProbs       per predicted token (positions 0 to n-2), its natural-log probability
 * @param logRanks       per predicted token, the natural log of its 1-based rank
 * @param entropies      per predicting position, the entropy of the next-token distribution, in nats
 * @param crossEntropies per position 0 to n-1, the observer-performer cross-entropy; empty from a single model
 */
public record TokenStatistics(int tokens, boolean truncated, int[] tokenEnds, double[] logProbs, double[] logRanks,
                              double[] entropies, double[] crossEntropies) implements Response {
    public TokenStatistics {
        Objects.requireNonNull(crossEntropies, "crossEntropies");
        if (tokens < 2) {
            throw new IllegalArgumentException("token statistics need at least two tokens, got " + tokens);
        }
        if (tokenEnds.length != tokens || logProbs.length != tokens - 1 || logRanks.length != tokens - 1
                || entropies.length != tokens - 1) {
            throw new IllegalArgumentException("token statistics of " + tokens + " tokens need " + tokens
                    + " token ends and " + (tokens - 1) + " log-probabilities, log-ranks and entropies");
        }
        if (crossEntropies.length != 0 && crossEntropies.length != tokens) {
            throw new IllegalArgumentException("cross-entropies come for all " + tokens + " positions or none, got "
                    + crossEntropies.length);
        }
        for (double[] values : new double[][] {logProbs, logRanks, entropies, crossEntropies}) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("token statistics must be finite, got " + v);
                }
            }
        }
    }

    /** Whether a model pair answered (the cross-entropies are there). */
    public boolean paired() {
        return crossEntropies.length > 0;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokens", tokens);
        m.put("truncated", truncated);
        m.put("tokenEnds", tokenEnds);
        m.put("logProbs", logProbs);
        m.put("logRanks", logRanks);
        m.put("entropies", entropies);
        if (paired()) {
            m.put("crossEntropies", crossEntropies);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenStatistics t && tokens == t.tokens && truncated == t.truncated
                && Arrays.equals(tokenEnds, t.tokenEnds) && Arrays.equals(logProbs, t.logProbs)
                && Arrays.equals(logRanks, t.logRanks) && Arrays.equals(entropies, t.entropies)
                && Arrays.equals(crossEntropies, t.crossEntropies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokens, truncated, Arrays.hashCode(tokenEnds), Arrays.hashCode(logProbs),
                Arrays.hashCode(crossEntropies));
    }

    @Override
    public String toString() {
        return "TokenStatistics[tokens=" + tokens + ", truncated=" + truncated + ", paired=" + paired() + "]";
    }
}
