package dev.proctor.retrieval.metrics;

import dev.proctor.retrieval.Qrels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The MRR@k variants of {@link MrrVariant}, each reproducing its tool's tie order and choice of queries. */
final class MrrAtK {
    private MrrAtK() {
    }

    /** recip_rank cut at each k, over trec_eval's order and queries. */
    static MrrScores trecOrder(Map<String, RankedRels> ranked, List<String> notRun, int denominator,
                               MetricOptions options) {
        Map<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
        ranked.forEach((q, r) -> {
            int first = -1;
            for (int i = 0; i < r.rels().length && first < 0; i++) {
                if (r.rels()[i] >= options.relevanceLevel()) {
                    first = i;
                }
            }
            perQuery.put(q, cut(first, options));
        });
        boolean allQrels = options.averaging() == Averaging.ALL_QRELS_QUERIES;
        return scores(MrrVariant.TREC_ORDER, perQuery, denominator, allQrels ? notRun : List.of(), options);
    }

    /** BEIR: over every qrels query, judged or not; a query the run lacks counts 0. */
    static MrrScores beir(Qrels qrels, Map<String, Map<String, Double>> run, MetricOptions options) {
        Map<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        qrels.judgments().forEach((q, docs) -> {
            Map<String, Double> scores = run.get(q);
            if (scores == null) {
                missing.add(q);
                perQuery.put(q, cut(-1, options));
            } else {
                perQuery.put(q, cut(firstRelevant(q, docs, scores), options));
            }
        });
        return scores(MrrVariant.BEIR, perQuery, qrels.judgments().size(), missing, options);
    }

    /** MTEB: over the run's queries that are in the qrels (even with no judgments). */
    static MrrScores mteb(Qrels qrels, Map<String, Map<String, Double>> run, MetricOptions options) {
        Map<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        run.forEach((q, scores) -> {
            Map<String, Integer> docs = qrels.judgments().get(q);
            if (docs == null) {
                skipped.add(q);
            } else {
                perQuery.put(q, cut(firstRelevant(q, docs, scores), options));
            }
        });
        return scores(MrrVariant.MTEB, perQuery, perQuery.size(), skipped, options);
    }

    /** The 0-based position of the first rel &gt; 0 document in Python's stable order, or -1. */
    private static int firstRelevant(String query, Map<String, Integer> judgments, Map<String, Double> scores) {
        List<String> order = TrecOrder.pythonStable(query, scores);
        for (int i = 0; i < order.size(); i++) {
            Integer rel = judgments.get(order.get(i));
            if (rel != null && rel > 0) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Double> cut(int first, MetricOptions options) {
        Map<String, Double> row = new LinkedHashMap<>();
        for (int k : options.cutoffs()) {
            row.put(MrrVariant.measureName(k), first >= 0 && first < k ? 1.0 / (first + 1) : 0.0);
        }
        return row;
    }

    private static MrrScores scores(MrrVariant variant, Map<String, Map<String, Double>> perQuery, int denominator,
                                    List<String> excluded, MetricOptions options) {
        List<String> names = options.cutoffs().stream().map(MrrVariant::measureName).toList();
        Map<String, Double> mean = TrecEval.means(perQuery, names, denominator, options);
        return new MrrScores(variant, perQuery, mean, denominator, excluded);
    }
}
