package dev.proctor.model.search.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionTest {
    /** One query's ranking: document id to score, in order. */
    static Map<String, Double> run(String query, Object... docScore) {
        Map<String, Double> docs = new LinkedHashMap<>();
        for (int i = 0; i < docScore.length; i += 2) {
            docs.put((String) docScore[i], ((Number) docScore[i + 1]).doubleValue());
        }
        return docs;
    }

    @Test
    void reciprocalRankFusionByHand() {
        // dense ranks a, b, c; BM25 ranks c, d, a (scores on very different scales do not matter)
        Map<String, Double> dense = run("q", "a", 0.9, "b", 0.8, "c", 0.1);
        Map<String, Double> bm25 = run("q", "c", 12.0, "d", 7.5, "a", 0.3);
        Map<String, Double> fused = ReciprocalRankFusion.fuse(List.of(dense, bm25), 60, 10);
        assertEquals(1.0 / 61 + 1.0 / 63, fused.get("a"), 1e-15);
        assertEquals(1.0 / 62, fused.get("b"), 1e-15);
        assertEquals(1.0 / 63 + 1.0 / 61, fused.get("c"), 1e-15);
        assertEquals(1.0 / 62, fused.get("d"), 1e-15);
        // a and c tie; b and d tie: trec_eval order breaks ties by descending id
        assertEquals(List.of("c", "a", "d", "b"), List.copyOf(fused.keySet()));
    }

    @Test
    void rrfRanksTiedScoresInTrecOrderAndTruncates() {
        // x and y tie at 0.5: trec_eval ranks y (larger id) first, so y gets rank 1
        Map<String, Double> only = run("q", "x", 0.5, "y", 0.5, "z", 0.1);
        Map<String, Double> fused = ReciprocalRankFusion.fuse(List.of(only), 0, 2);
        assertEquals(Map.of("y", 1.0, "x", 0.5), fused);
    }

    @Test
    void interpolationMinMaxNormalisesEachRun() {
        Map<String, Double> dense = run("q", "a", 0.9, "b", 0.7, "c", 0.5);
        Map<String, Double> bm25 = run("q", "c", 20.0, "d", 10.0, "a", 5.0);
        Map<String, Double> fused = ScoreInterpolation.fuse(dense, bm25, 0.3, 10);
        // dense normalised: a 1, b 0.5, c 0; BM25 normalised: c 1, d 1/3, a 0
        assertEquals(0.3 * 1 + 0.7 * 0, fused.get("a"), 1e-12);
        assertEquals(0.3 * 0.5, fused.get("b"), 1e-12);
        assertEquals(0.7 * 1, fused.get("c"), 1e-12);
        assertEquals(0.7 / 3, fused.get("d"), 1e-12);
        assertEquals(List.of("c", "a", "d", "b"), List.copyOf(fused.keySet()));
    }

    @Test
    void interpolationOfAConstantRunGivesOne() {
        assertEquals(Map.of("a", 1.0, "b", 1.0), ScoreInterpolation.minMax(Map.of("a", 3.0, "b", 3.0)));
    }
}
