package dev.proctor.tasks.retrieval.eval;

import dev.proctor.api.metric.MetricSpec;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.retrieval.metrics.TrecEval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place the retrieval task meets proctor-retrieval's trec_eval-exact scoring: each query's ranking is scored
 * with pytrec_eval's conventions (BEIR's and MTEB's call), so the task never computes a measure itself. The mean of a
 * measure over the queries is the evaluator's ordinary mean; with the queries in trec_eval's order it is trec_eval's
 * number to the last bit.
 */
public final class RunScoring {
    /** The main score of a retrieval task, as BEIR and MTEB report it. */
    public static final String MAIN_MEASURE = "ndcg_cut_10";

    private RunScoring() {
    }

    /** pytrec_eval's conventions at these cutoffs, 10 always among them (the main score needs it). */
    public static MetricOptions options(List<Integer> cutoffs) {
        List<Integer> k = new ArrayList<>(cutoffs);
        if (!k.contains(10)) {
            k.add(10);
        }
        return MetricOptions.of(k);
    }

    /**
     * Every measure these options compute, as the task's metrics: nDCG@10, recall at the deepest cutoff, MAP@10,
     * MRR and P@10 first (what summaries show), then the rest in trec_eval's order.
     */
    public static List<MetricSpec> metrics(MetricOptions options) {
        List<String> names = new ArrayList<>(TrecEval.measureNames(options));
        int deepest = options.cutoffs().get(options.cutoffs().size() - 1);
        List<String> first = List.of(MAIN_MEASURE, "recall_" + deepest, "map_cut_10", "recip_rank", "P_10");
        List<String> ordered = new ArrayList<>(first.stream().filter(names::contains).toList());
        names.stream().filter(n -> !ordered.contains(n)).forEach(ordered::add);
        List<MetricSpec> specs = new ArrayList<>();
        for (String name : ordered) {
            specs.add(name.startsWith("success_")
                    ? MetricSpec.accuracy(name, describe(name))
                    : MetricSpec.mean(name, true, describe(name)));
        }
        return specs;
    }

    /** One query's measures: trec_eval's values for its ranking against its judgments. */
    public static Map<String, Double> score(String query, Map<String, Integer> judgments, Map<String, Double> ranking,
                                            MetricOptions options) {
        Evaluation e = TrecEval.evaluate(new Qrels(Map.of(query, judgments)), new Run(Map.of(query, ranking)), options);
        return e.perQuery().get(query);
    }

    private static String describe(String measure) {
        String family = measure.contains("_") && Character.isDigit(measure.charAt(measure.length() - 1))
                ? measure.substring(0, measure.lastIndexOf('_')) : measure;
        String k = family.equals(measure) ? "" : " at " + measure.substring(measure.lastIndexOf('_') + 1);
        return switch (family) {
            case "ndcg_cut" -> "nDCG" + k + ", graded gains (trec_eval ndcg_cut)";
            case "map_cut" -> "average precision" + k + " (trec_eval map_cut)";
            case "recall" -> "recall" + k + " (trec_eval recall)";
            case "P" -> "precision" + k + " (trec_eval P)";
            case "success" -> "a relevant document in the top" + k + " (trec_eval success)";
            case "recip_rank" -> "reciprocal rank of the first relevant document (trec_eval recip_rank)";
            default -> "trec_eval " + measure;
        } + "; per query, averaged over judged queries";
    }
}
