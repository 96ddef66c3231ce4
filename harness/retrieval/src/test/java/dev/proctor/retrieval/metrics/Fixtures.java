package dev.proctor.retrieval.metrics;

import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tiny runs and qrels written inline: {@code docs("a", 0.5, "b", 0.3)} keeps the order given. */
final class Fixtures {
    private Fixtures() {
    }

    static Map<String, Double> docs(Object... idScore) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < idScore.length; i += 2) {
            m.put((String) idScore[i], ((Number) idScore[i + 1]).doubleValue());
        }
        return m;
    }

    static Map<String, Integer> judged(Object... idRel) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < idRel.length; i += 2) {
            m.put((String) idRel[i], (Integer) idRel[i + 1]);
        }
        return m;
    }

    static Run run(String q, Map<String, Double> docs) {
        return new Run(Map.of(q, docs));
    }

    static Qrels qrels(String q, Map<String, Integer> docs) {
        return new Qrels(Map.of(q, docs));
    }
}
