package dev.proctor.tasks.retrieval.fusion;

import dev.proctor.retrieval.Run;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Convex combination of two runs' scores after min-max normalisation per query:
 * {@code alpha * norm(dense) + (1 - alpha) * norm(lexical)}. Each run's scores are mapped to [0, 1] over the
 * documents it retrieved for that query; a document one run did not retrieve gets 0 from it (its floor). When a
 * run gives every document the same score, they all normalise to 1 (each is that run's best).
 */
public final class ScoreInterpolation {
    public static final double DEFAULT_ALPHA = 0.5;

    private ScoreInterpolation() {
    }

    public static Run fuse(Run dense, Run lexical, double alpha, int depth) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1]: " + alpha);
        }
        Set<String> queries = new LinkedHashSet<>(dense.scores().keySet());
        queries.addAll(lexical.scores().keySet());
        Map<String, Map<String, Double>> fused = new LinkedHashMap<>();
        for (String q : queries) {
            Map<String, Double> a = minMax(dense.scores().getOrDefault(q, Map.of()));
            Map<String, Double> b = minMax(lexical.scores().getOrDefault(q, Map.of()));
            Map<String, Double> scores = new LinkedHashMap<>();
            a.forEach((doc, s) -> scores.merge(doc, alpha * s, Double::sum));
            b.forEach((doc, s) -> scores.merge(doc, (1 - alpha) * s, Double::sum));
            fused.put(q, RunOrder.top(scores, depth));
        }
        return new Run(fused);
    }

    static Map<String, Double> minMax(Map<String, Double> scores) {
        if (scores.isEmpty()) {
            return scores;
        }
        double min = Collections.min(scores.values());
        double max = Collections.max(scores.values());
        Map<String, Double> out = new LinkedHashMap<>();
        scores.forEach((doc, s) -> out.put(doc, max == min ? 1.0 : (s - min) / (max - min)));
        return out;
    }
}
