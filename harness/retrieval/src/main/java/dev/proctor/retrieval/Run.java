package dev.proctor.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A retrieval run: query id to (document id to score), in the order the retriever produced them (BEIR's MRR
 * keeps insertion order on ties, so order is kept).
 */
public record Run(Map<String, Map<String, Double>> scores) {
    public Run {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        scores.forEach((q, docs) -> copy.put(q, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
        scores = java.util.Collections.unmodifiableMap(copy);
    }
}
