package dev.proctor.model.search.fusion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order trec_eval reads a run in: score descending, ties by document id in descending string order. Fusion
 * ranks with it so that the rank a document gets is the rank the evaluator would give it.
 */
public final class RunOrder {
    public static final Comparator<Map.Entry<String, Double>> TREC =
            Map.Entry.<String, Double>comparingByValue().reversed()
                    .thenComparing(Map.Entry.<String, Double>comparingByKey().reversed());

    private RunOrder() {
    }

    public static List<Map.Entry<String, Double>> ranked(Map<String, Double> docs) {
        List<Map.Entry<String, Double>> list = new ArrayList<>(docs.entrySet());
        list.sort(TREC);
        return list;
    }

    /** The best {@code depth} documents in trec_eval order, as an insertion-ordered map. */
    public static Map<String, Double> top(Map<String, Double> docs, int depth) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : ranked(docs)) {
            if (out.size() == depth) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
