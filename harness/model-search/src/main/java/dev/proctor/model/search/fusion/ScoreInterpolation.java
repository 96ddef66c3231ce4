package dev.proctor.model.search.fusion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Convex combination of two rankings' scores after min-max normalisation per query:
 * {@code alpha * norm(dense) + (1 - alpha) * norm(lexical)}. Each ranking's scores are mapped to [0, 1] over the
 * documents it retrieved for that query; a document one ranking did not retrieve gets 0 from it (its floor). When a
 * ranking gives every document the same score, they all normalise to 1 (each is that ranking's best).
 */
public final class ScoreInterpolation {
    public static final double DEFAULT_ALPHA = 0.5;

    private ScoreInterpolation() {
    }

    /** One query's fused ranking, the best {@code depth} documents. */
    public static Map<String, Double> fuse(Map<String, Double> dense, Map<String, Double> lexical, double alpha,
                                           int depth) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1]: " + alpha);
        }
        Map<String, Double> a = minMax(dense);
        Map<String, Double> b = minMax(lexical);
        Map<String, Double> scores = new LinkedHashMap<>();
        a.forEach((doc, s) -> scores.merge(doc, alpha * s, Double::sum));
        b.forEach((doc, s) -> scores.merge(doc, (1 - alpha) * s, Double::sum));
        return RunOrder.top(scores, depth);
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
