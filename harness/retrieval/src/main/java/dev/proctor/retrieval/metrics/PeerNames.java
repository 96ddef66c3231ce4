package dev.proctor.retrieval.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** The means under the names BEIR and MTEB print, so their tables can be compared line by line. */
public final class PeerNames {
    private PeerNames() {
    }

    /**
     * BEIR's {@code NDCG@k, MAP@k, Recall@k, P@k} and, when computed, its {@code MRR@k}. For BEIR's own numbers,
     * evaluate with {@link MetricOptions#beir}.
     */
    public static Map<String, Double> beir(Evaluation e) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k : e.options().cutoffs()) {
            out.put("NDCG@" + k, e.mean(Measure.NDCG_CUT.name(k)));
            out.put("MAP@" + k, e.mean(Measure.MAP_CUT.name(k)));
            out.put("Recall@" + k, e.mean(Measure.RECALL.name(k)));
            out.put("P@" + k, e.mean(Measure.P.name(k)));
        }
        MrrScores mrr = e.mrr().get(MrrVariant.BEIR);
        if (mrr != null) {
            out.putAll(mrr.mean());
        }
        return out;
    }

    /**
     * MTEB's {@code ndcg_at_k, map_at_k, recall_at_k, precision_at_k, hit_rate_at_k} and, when computed, its
     * {@code mrr_at_k}.
     */
    public static Map<String, Double> mteb(Evaluation e) {
        Map<String, Double> out = new LinkedHashMap<>();
        MrrScores mrr = e.mrr().get(MrrVariant.MTEB);
        for (int k : e.options().cutoffs()) {
            out.put("ndcg_at_" + k, e.mean(Measure.NDCG_CUT.name(k)));
            out.put("map_at_" + k, e.mean(Measure.MAP_CUT.name(k)));
            out.put("recall_at_" + k, e.mean(Measure.RECALL.name(k)));
            out.put("precision_at_" + k, e.mean(Measure.P.name(k)));
            out.put("hit_rate_at_" + k, e.mean(Measure.SUCCESS.name(k)));
        }
        if (mrr != null) {
            for (int k : e.options().cutoffs()) {
                out.put("mrr_at_" + k, mrr.mean().get(MrrVariant.measureName(k)));
            }
        }
        return out;
    }
}
