package dev.proctor.model.search.fusion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a document's fused score is the sum over
 * the rankings that retrieved it of 1 / (k + rank), rank counted from 1 in {@link RunOrder#TREC} order. k = 60 is
 * the paper's constant. Scores are otherwise ignored, so rankings on different scales fuse without normalisation.
 */
public final class ReciprocalRankFusion {
    public static final int DEFAULT_K = 60;

    private ReciprocalRankFusion() {
    }

    /**
     * @param rankings one query's rankings to fuse: document id to score
     * @param k        the rank constant
     * @param depth    documents kept
     */
    public static Map<String, Double> fuse(List<Map<String, Double>> rankings, int k, int depth) {
        if (k < 0) {
            throw new IllegalArgumentException("the RRF constant must be non-negative: " + k);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Map<String, Double> ranking : rankings) {
            List<Map.Entry<String, Double>> ranked = RunOrder.ranked(ranking);
            for (int i = 0; i < ranked.size(); i++) {
                scores.merge(ranked.get(i).getKey(), 1.0 / (k + i + 1), Double::sum);
            }
        }
        return RunOrder.top(scores, depth);
    }
}
