package dev.proctor.tasks.retrieval.fusion;

import dev.proctor.retrieval.Run;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a document's fused score is the sum over
 * the runs that retrieved it of 1 / (k + rank), rank counted from 1 in {@link RunOrder#TREC} order. k = 60 is
 * the paper's constant. Scores are otherwise ignored, so runs on different scales fuse without normalisation.
 */
public final class ReciprocalRankFusion {
    public static final int DEFAULT_K = 60;

    private ReciprocalRankFusion() {
    }

    /**
     * @param runs  the runs to fuse (every query of any run appears in the result)
     * @param k     the rank constant
     * @param depth documents kept per query
     */
    public static Run fuse(List<Run> runs, int k, int depth) {
        if (k < 0) {
            throw new IllegalArgumentException("the RRF constant must be non-negative: " + k);
        }
        Set<String> queries = new LinkedHashSet<>();
        runs.forEach(r -> queries.addAll(r.scores().keySet()));
        Map<String, Map<String, Double>> fused = new LinkedHashMap<>();
        for (String q : queries) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (Run run : runs) {
                List<Map.Entry<String, Double>> ranked = RunOrder.ranked(run.scores().getOrDefault(q, Map.of()));
                for (int i = 0; i < ranked.size(); i++) {
                    scores.merge(ranked.get(i).getKey(), 1.0 / (k + i + 1), Double::sum);
                }
            }
            fused.put(q, RunOrder.top(scores, depth));
        }
        return new Run(fused);
    }
}
