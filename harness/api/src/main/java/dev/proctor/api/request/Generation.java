package dev.proctor.api.request;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a {@link GenerateRequest}.
 *
 * @param text      the generated text, cut before the first stop string
 * @param finish    why generation ended
 * @param tokens    tokens generated (the stop string's included, the end-of-text token not)
 * @param truncated the context was left-truncated to leave room for the new tokens
 */
public record Generation(String text, Finish finish, int tokens, boolean truncated) implements Response {

    /** Why a generation ended. */
    public enum Finish {
        /** A stop string appeared. */
        STOP,
        /** The model produced its end-of-text token. */
        END_OF_TEXT,
        /** The new-token limit was reached. */
        LENGTH;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Generation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finish, "finish");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens generated cannot be negative: " + tokens);
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("finish", finish.id());
        m.put("tokens", tokens);
        m.put("truncated", truncated);
        return m;
    }
}
