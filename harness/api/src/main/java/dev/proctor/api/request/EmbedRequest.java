package dev.proctor.api.request;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text to embed, and whether it is a query or a passage: the model applies the instruction its card asks for
 * (BGE prefixes retrieval queries), so the request carries the raw text.
 *
 * @param text the text
 * @param role query or passage
 */
public record EmbedRequest(String text, Role role) implements Request {

    /** What the text is to a retrieval model. */
    public enum Role {
        QUERY, PASSAGE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public EmbedRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public RequestKind<EmbedRequest, Embedding> kind() {
        return RequestKind.EMBED;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("role", role.id());
        return m;
    }
}
