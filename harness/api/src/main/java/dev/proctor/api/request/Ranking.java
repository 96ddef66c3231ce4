package dev.proctor.api.request;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The answer to a {@link RetrieveRequest}: documents best first, each at most once.
 *
 * @param hits the retrieved documents
 */
public record Ranking(List<Hit> hits) implements Response {

    /**
     * @param docId the document's id
     * @param score the retriever's score (similarity, BM25, fused); finite
     */
    public record Hit(String docId, double score) {
        public Hit {
            Objects.requireNonNull(docId, "docId");
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("document " + docId + " has score " + score);
            }
        }
    }

    public Ranking {
        hits = List.copyOf(hits);
        Set<String> seen = new HashSet<>();
        for (Hit hit : hits) {
            if (!seen.add(hit.docId())) {
                throw new IllegalArgumentException("document " + hit.docId() + " is ranked twice");
            }
        }
    }

    /** Document id to score, in rank order. */
    public Map<String, Double> scores() {
        Map<String, Double> m = new LinkedHashMap<>();
        hits.forEach(h -> m.put(h.docId(), h.score()));
        return m;
    }

    @Override
    public Map<String, Object> describe() {
        List<Object> rows = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            rows.add(List.of(h.docId(), h.score()));
        }
        return Map.of("hits", rows);
    }
}
