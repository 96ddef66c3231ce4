package dev.proctor.api.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The per-token statistics of a whole text under a causal LM: what zero-shot machine-generated-text detectors read
 * (mean log-likelihood, log-rank and entropy, the Binoculars cross-perplexity). The text is encoded with no special
 * token added and cut to its first {@code maxTokens} tokens (the model's context when that is shorter), as the
 * detectors' reference code tokenizes with {@code truncation=True, max_length=...}.
 *
 * @param text      the text; at least two tokens long once encoded
 * @param maxTokens the most tokens of the text observed
 */
public record TokenStatisticsRequest(String text, int maxTokens) implements Request {
    public TokenStatisticsRequest {
        Objects.requireNonNull(text, "text");
        if (maxTokens < 2) {
            throw new IllegalArgumentException("a text's statistics need at least two tokens, maxTokens was " + maxTokens);
        }
    }

    @Override
    public RequestKind<TokenStatisticsRequest, TokenStatistics> kind() {
        return RequestKind.TOKEN_STATISTICS;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("maxTokens", maxTokens);
        return m;
    }
}
