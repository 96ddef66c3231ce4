package dev.proctor.tasks.retrieval.eval;

import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.io.EvaluationJson;
import dev.proctor.retrieval.io.TrecRunFile;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.retrieval.metrics.TrecEval;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place the retrieval task meets proctor-retrieval's trec_eval-exact scoring: runs are scored with
 * pytrec_eval's conventions (BEIR's and MTEB's call) and written as TREC run files by that module, so the task
 * never computes a metric itself.
 */
public final class RunScoring {
    /** The main score of a retrieval task, as BEIR and MTEB report it. */
    public static final String MAIN_MEASURE = "ndcg_cut_10";

    private RunScoring() {
    }

    public static MetricOptions options(List<Integer> cutoffs) {
        List<Integer> k = new java.util.ArrayList<>(cutoffs);
        if (!k.contains(10)) {
            k.add(10); // the main score needs k = 10
        }
        return MetricOptions.of(k);
    }

    public static Evaluation evaluate(Qrels qrels, Run run, MetricOptions options) {
        return TrecEval.evaluate(qrels, run, options);
    }

    public static void writeRun(Run run, Path file, String tag) {
        TrecRunFile.write(run, file, tag);
    }

    public static ObjectNode toJson(Evaluation evaluation) {
        return EvaluationJson.toJson(evaluation);
    }
}
