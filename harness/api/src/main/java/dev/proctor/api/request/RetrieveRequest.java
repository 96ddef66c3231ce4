package dev.proctor.api.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The best {@code topK} documents of {@code corpus} for {@code query}.
 *
 * @param query  the query text
 * @param corpus the documents to search
 * @param topK   how many to return, best first
 */
public record RetrieveRequest(String query, Corpus corpus, int topK) implements Request {
    public RetrieveRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(corpus, "corpus");
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, got " + topK);
        }
    }

    @Override
    public RequestKind<RetrieveRequest, Ranking> kind() {
        return RequestKind.RETRIEVE;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", query);
        m.put("corpus", corpus.describe());
        m.put("topK", topK);
        return m;
    }
}
