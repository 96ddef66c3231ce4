package dev.proctor.retrieval.metrics;

import dev.proctor.api.ProctorException;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores a run as pytrec_eval 0.5 on trec_eval 9.0.8 does (the call BEIR and MTEB make): ndcg_cut, map_cut,
 * recall, P, success at every k, and recip_rank, per query and as means, plus the MRR@k variants asked for.
 *
 * <p>Which queries count: those with at least one judgment that also appear in the run, including a run entry
 * with no documents (pytrec_eval scores it 0 everywhere). Qrels queries with no judgments are dropped, because
 * pytrec_eval reads uninitialised memory for them. {@link Averaging#ALL_QRELS_QUERIES} averages over every judged
 * qrels query instead, as {@code trec_eval -c} does.
 */
public final class TrecEval {
    /** How many ids a note lists before it only counts. */
    private static final int IDS_IN_NOTE = 10;

    private TrecEval() {
    }

    public static Evaluation evaluate(Qrels qrels, Run run, MetricOptions options) {
        Objects.requireNonNull(qrels, "qrels");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(options, "options");
        List<String> notes = new ArrayList<>();
        Map<String, Map<String, Double>> scores = options.ignoreIdenticalIds()
                ? withoutIdenticalIds(run.scores(), notes) : run.scores();

        Map<String, Map<String, Integer>> judged = new TreeMap<>(Docnos.STRCMP);
        List<String> unjudged = new ArrayList<>();
        qrels.judgments().forEach((q, docs) -> {
            if (docs.isEmpty()) {
                unjudged.add(q);
            } else {
                judged.put(q, docs);
            }
        });
        unjudged.sort(Docnos.STRCMP);
        if (!unjudged.isEmpty()) {
            notes.add("qrels queries with no judgments dropped (pytrec_eval would read uninitialised memory): "
                    + ids(unjudged));
        }
        List<String> onlyNegative = judged.entrySet().stream()
                .filter(q -> q.getValue().values().stream().allMatch(rel -> rel < 0)).map(Map.Entry::getKey).toList();
        if (!onlyNegative.isEmpty()) {
            notes.add("qrels queries whose judgments are all negative score 0 here (trec_eval 9.0.8 reads stale "
                    + "state for them, so its values are undefined): " + ids(onlyNegative));
        }
        if (judged.isEmpty()) {
            throw new ProctorException("the qrels hold no judgments, so there is nothing to score against");
        }
        List<String> evaluated = new ArrayList<>();
        List<String> notJudged = new ArrayList<>();
        for (String q : scores.keySet()) {
            (judged.containsKey(q) ? evaluated : notJudged).add(q);
        }
        evaluated.sort(Docnos.STRCMP);
        notJudged.sort(Docnos.STRCMP);
        List<String> notRun = judged.keySet().stream().filter(q -> !scores.containsKey(q)).toList();
        if (!notJudged.isEmpty()) {
            notes.add("run queries without judgments, not evaluated: " + ids(notJudged));
        }
        boolean allQrels = options.averaging() == Averaging.ALL_QRELS_QUERIES;
        if (!notRun.isEmpty()) {
            notes.add("qrels queries missing from the run, " + (allQrels ? "counted as 0 in the means: "
                    : "not evaluated: ") + ids(notRun));
        }
        if (evaluated.isEmpty() && !allQrels) {
            throw new ProctorException("no query of the run has judgments in the qrels (run queries: "
                    + ids(new ArrayList<>(scores.keySet())) + "; qrels queries: "
                    + ids(new ArrayList<>(judged.keySet())) + "); are the ids from the same dataset and split?");
        }
        int denominator = allQrels ? judged.size() : evaluated.size();

        int[] k = options.cutoffArray();
        List<String> measures = measureNames(options);
        Map<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
        Map<String, RankedRels> ranked = new LinkedHashMap<>();
        for (String q : evaluated) {
            List<String> order = TrecOrder.rank(q, scores.get(q), options.scorePrecision());
            RankedRels r = RankedRels.of(judged.get(q), order, options.relevanceLevel());
            ranked.put(q, r);
            perQuery.put(q, values(r, k, options.relevanceLevel()));
        }
        Map<String, Double> mean = means(perQuery, measures, denominator, options);

        Map<MrrVariant, MrrScores> mrr = new LinkedHashMap<>();
        for (MrrVariant v : options.mrrVariants()) {
            mrr.put(v, switch (v) {
                case TREC_ORDER -> MrrAtK.trecOrder(ranked, notRun, denominator, options);
                case BEIR -> MrrAtK.beir(qrels, scores, options);
                case MTEB -> MrrAtK.mteb(qrels, scores, options);
            });
        }
        return new Evaluation(options, measures, perQuery, mean, denominator, notes, mrr);
    }

    /** pytrec_eval's names of the measures these options compute, in output order. */
    public static List<String> measureNames(MetricOptions options) {
        List<String> names = new ArrayList<>();
        for (Measure m : Measure.values()) {
            if (m.hasCutoff()) {
                options.cutoffs().forEach(k -> names.add(m.name(k)));
            } else {
                names.add(m.name(0));
            }
        }
        return names;
    }

    private static Map<String, Double> values(RankedRels r, int[] k, int level) {
        Map<String, Double> row = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            double[] out = new double[m.hasCutoff() ? k.length : 1];
            m.compute(r, k, level, out);
            for (int c = 0; c < out.length; c++) {
                row.put(m.name(m.hasCutoff() ? k[c] : 0), out[c]);
            }
        }
        return row;
    }

    /** Sums in query order and divides once, as trec_eval's te_calc_avg does; missing queries add nothing. */
    static Map<String, Double> means(Map<String, Map<String, Double>> perQuery, List<String> measures,
                                     int denominator, MetricOptions options) {
        Map<String, Double> mean = new LinkedHashMap<>();
        for (String m : measures) {
            double sum = 0;
            for (Map<String, Double> row : perQuery.values()) {
                sum += row.get(m);
            }
            mean.put(m, round(denominator == 0 ? Double.NaN : sum / denominator, options));
        }
        return mean;
    }

    /** Python's round(x, n): half-even on the exact binary value, which BigDecimal(double) holds. */
    static double round(double x, MetricOptions options) {
        if (options.meanDecimals().isEmpty() || !Double.isFinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(options.meanDecimals().getAsInt(), RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Map<String, Map<String, Double>> withoutIdenticalIds(Map<String, Map<String, Double>> scores,
                                                                       List<String> notes) {
        Map<String, Map<String, Double>> kept = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        scores.forEach((q, docs) -> {
            if (docs.containsKey(q)) {
                Map<String, Double> rest = new LinkedHashMap<>(docs);
                rest.remove(q);
                kept.put(q, rest);
                dropped.add(q);
            } else {
                kept.put(q, docs);
            }
        });
        if (!dropped.isEmpty()) {
            notes.add("ignore_identical_ids: dropped the document named like its query from " + ids(dropped));
        }
        return kept;
    }

    static String ids(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(IDS_IN_NOTE, ids.size())));
        return ids.size() <= IDS_IN_NOTE ? "[" + shown + "]" : ids.size() + " queries [" + shown + ", …]";
    }
}
