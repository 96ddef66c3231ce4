package dev.proctor.api.request;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a {@link LoglikelihoodRequest}.
 *
 * @param logLikelihood sum of the natural-log probabilities of the scored tokens; never NaN, never above zero
 * @param tokens        how many continuation tokens were scored
 * @param greedy        every scored token was the model's most likely one (lm-evaluation-harness's is_greedy)
 * @param truncated     the input was left-truncated to fit the model's context
 */
public record Loglikelihood(double logLikelihood, int tokens, boolean greedy, boolean truncated) implements Response {
    /** Rounding slack above zero that a log-probability may show. */
    private static final double SLACK = 1e-9;

    public Loglikelihood {
        if (Double.isNaN(logLikelihood) || logLikelihood > SLACK) {
            throw new IllegalArgumentException("a log-likelihood must be a number <= 0, got " + logLikelihood);
        }
        if (tokens < 1) {
            throw new IllegalArgumentException("a log-likelihood scores at least one token, got " + tokens);
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logLikelihood", logLikelihood);
        m.put("tokens", tokens);
        m.put("greedy", greedy);
        m.put("truncated", truncated);
        return m;
    }
}
