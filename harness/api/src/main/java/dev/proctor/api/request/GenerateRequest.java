package dev.proctor.api.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Greedy generation from {@code context} (temperature 0, no sampling) until the model's end-of-text token, the
 * first occurrence of any of {@code stop}, or {@code maxNewTokens} new tokens. The generated text excludes the stop
 * string, as lm-evaluation-harness's {@code generate_until} does.
 *
 * @param context      the prompt, sent as it is
 * @param stop         stop strings, in order of preference; may be empty
 * @param maxNewTokens the most tokens to generate
 */
public record GenerateRequest(String context, List<String> stop, int maxNewTokens) implements Request {
    public GenerateRequest {
        Objects.requireNonNull(context, "context");
        stop = List.copyOf(stop);
        if (stop.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("a stop string cannot be empty");
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, got " + maxNewTokens);
        }
    }

    @Override
    public RequestKind<GenerateRequest, Generation> kind() {
        return RequestKind.GENERATE;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("context", context);
        m.put("stop", stop);
        m.put("maxNewTokens", maxNewTokens);
        return m;
    }
}
