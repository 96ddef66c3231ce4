package dev.proctor.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Relevance judgments: query id to (document id to integer relevance). Negative values mean "judged, not
 * relevant" as in trec_eval.
 */
public record Qrels(Map<String, Map<String, Integer>> judgments) {
    public Qrels {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        judgments.forEach((q, docs) -> copy.put(q, Map.copyOf(docs)));
        judgments = java.util.Collections.unmodifiableMap(copy);
    }
}
