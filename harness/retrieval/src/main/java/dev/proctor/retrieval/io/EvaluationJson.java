package dev.proctor.retrieval.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.retrieval.metrics.MrrScores;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An evaluation as JSON with pytrec_eval's measure names, the effective options and the notes beside the numbers. */
public final class EvaluationJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private EvaluationJson() {
    }

    public static ObjectNode toJson(Evaluation e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("params", params(e.options()));
        root.put("n_queries", e.numQueries());
        strings(root, "notes", e.notes());
        root.set("mean", values(e.mean()));
        root.set("per_query", rows(e.perQuery()));
        ObjectNode mrr = root.putObject("mrr");
        for (MrrScores s : e.mrr().values()) {
            ObjectNode v = mrr.putObject(s.variant().id());
            v.put("n_queries", s.numQueries());
            v.set("mean", values(s.mean()));
            v.set("per_query", rows(s.perQuery()));
            strings(v, "excluded", s.excluded());
        }
        return root;
    }

    public static ObjectNode params(MetricOptions o) {
        ObjectNode p = MAPPER.createObjectNode();
        o.cutoffs().forEach(p.putArray("k_values")::add);
        p.put("relevance_level", o.relevanceLevel());
        p.put("averaging", o.averaging().name().toLowerCase(Locale.ROOT));
        p.put("score_precision", o.scorePrecision().name().toLowerCase(Locale.ROOT));
        p.put("ignore_identical_ids", o.ignoreIdenticalIds());
        if (o.meanDecimals().isPresent()) {
            p.put("mean_decimals", o.meanDecimals().getAsInt());
        } else {
            p.putNull("mean_decimals");
        }
        o.mrrVariants().forEach(v -> p.withArray("mrr_variants").add(v.id()));
        return p;
    }

    private static ObjectNode values(Map<String, Double> values) {
        ObjectNode node = MAPPER.createObjectNode();
        values.forEach(node::put);
        return node;
    }

    private static ObjectNode rows(Map<String, Map<String, Double>> rows) {
        ObjectNode node = MAPPER.createObjectNode();
        rows.forEach((q, row) -> node.set(q, values(row)));
        return node;
    }

    private static void strings(ObjectNode parent, String field, List<String> values) {
        values.forEach(parent.putArray(field)::add);
    }
}
