package dev.proctor.retrieval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.retrieval.metrics.MrrVariant;
import dev.proctor.retrieval.metrics.TrecEval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON and trec_eval-layout text of an evaluation carry pytrec_eval's names and the effective options. */
class EvaluationOutputTest {
    final Evaluation e = TrecEval.evaluate(new Qrels(Map.of("q1", Map.of("a", 1), "q2", Map.of("b", 1))),
            new Run(Map.of("q1", Map.of("a", 0.9, "b", 0.1), "q2", Map.of("a", 0.5))),
            MetricOptions.beir(List.of(1, 10)));

    @Test
    void jsonUsesPytrecEvalNames() {
        ObjectNode json = EvaluationJson.toJson(e);
        assertEquals(List.of("ndcg_cut_1", "ndcg_cut_10", "map_cut_1", "map_cut_10", "recall_1", "recall_10", "P_1",
                "P_10", "success_1", "success_10", "recip_rank"), names(json.get("mean")));
        assertEquals(0.5, json.at("/mean/recip_rank").doubleValue());
        assertEquals(1.0, json.at("/per_query/q1/P_1").doubleValue());
        assertEquals(5, json.at("/params/mean_decimals").intValue());
        assertTrue(json.at("/params/ignore_identical_ids").booleanValue());
        assertEquals(0.5, json.at("/mrr/" + MrrVariant.BEIR.id() + "/mean/MRR@10").doubleValue());
    }

    @Test
    void textIsTrecEvalsLayout() {
        String text = TrecEvalText.format(e, true);
        assertTrue(text.startsWith("ndcg_cut_1            \tq1\t1.0000\n"), text);
        assertTrue(text.contains("num_q                 \tall\t2\n"), text);
        assertTrue(text.endsWith("recip_rank            \tall\t0.5000\n"), text);
        assertTrue(!TrecEvalText.format(e, false).contains("\tq1\t"));
    }

    static List<String> names(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
