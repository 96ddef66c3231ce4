package dev.proctor.core.report;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.Response;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.TaskItem;
import dev.proctor.core.plan.PlannedItem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code samples.jsonl}: one line per item with what the model saw and said, as lm-evaluation-harness's
 * {@code --log_samples} users expect: the prompt text, each request (its context left out where it is the prompt),
 * each response, the metric values, the prediction and the gold answer.
 */
final class SamplesFile {
    private SamplesFile() {
    }

    static void write(Path file, List<PlannedItem> items, List<ItemScore> scores, List<List<Response>> responses)
            throws IOException {
        ObjectWriter line = JsonValues.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < items.size(); i++) {
                out.write(line.writeValueAsString(sample(items.get(i), scores.get(i), responses.get(i))));
                out.write('\n');
            }
        }
    }

    static ObjectNode sample(PlannedItem planned, ItemScore score, List<Response> responses) {
        TaskItem item = planned.item();
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        node.put("task", planned.task());
        node.put("subject", item.subject());
        node.put("id", item.id());
        node.put("source", item.source() == null ? "" : item.source().toString());
        node.put("prompt", item.prompt());
        node.set("facts", JsonValues.tree(item.facts()));
        ArrayNode requests = node.putArray("requests");
        for (Request r : item.requests()) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("kind", r.kind().id());
            r.describe().forEach((k, v) -> {
                if (!(k.equals("context") && item.prompt().equals(v))) {
                    described.put(k, v);
                }
            });
            requests.add(JsonValues.tree(described));
        }
        ArrayNode answers = node.putArray("responses");
        for (Response r : responses) {
            answers.add(JsonValues.tree(r.describe()));
        }
        ObjectNode metrics = node.putObject("metrics");
        score.values().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                metrics.put(k, v);
            } else {
                metrics.putNull(k);
            }
        });
        node.set("prediction", JsonValues.tree(score.prediction()));
        node.set("gold", JsonValues.tree(item.gold()));
        node.set("details", JsonValues.tree(score.details()));
        return node;
    }
}
