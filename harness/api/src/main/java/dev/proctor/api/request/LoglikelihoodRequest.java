package dev.proctor.api.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The log-likelihood of {@code continuation} following {@code context}, the context and continuation split as
 * lm-evaluation-harness does (trailing whitespace of the context moves onto the continuation; an empty context
 * becomes the end-of-text token).
 *
 * @param context        the prompt
 * @param continuation   what is scored after it
 * @param firstTokenOnly score only the continuation's first token, at the context's last position: the official
 *                       MMLU/CMMLU letter scoring, one forward pass for all of a question's letters
 */
public record LoglikelihoodRequest(String context, String continuation, boolean firstTokenOnly) implements Request {
    public LoglikelihoodRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(continuation, "continuation");
        if (continuation.isEmpty()) {
            throw new IllegalArgumentException("a continuation to score cannot be empty");
        }
    }

    @Override
    public RequestKind<LoglikelihoodRequest, Loglikelihood> kind() {
        return RequestKind.LOGLIKELIHOOD;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("context", context);
        m.put("continuation", continuation);
        m.put("firstTokenOnly", firstTokenOnly);
        return m;
    }
}
