package dev.proctor.stats.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.stats.io.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small run directories in the layout {@code proctor run} writes (results.json of schema
 * {@link RunDirectory#SCHEMA}, samples.jsonl with per-item metrics); the CLI and core tests check that the reader
 * reads what the real writer writes. A correct item has acc 1; its bits per byte are its gold nats over 4 bytes.
 */
public final class RunFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Item(String task, String subject, String id, boolean correct, double goldNats, int gold) {
    }

    private final List<Item> items = new ArrayList<>();

    /** Adds one subject's items; {@code pattern} is a string of 1 (correct) and 0 (wrong), one per item. */
    public RunFixture subject(String task, String subject, String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            add(task, subject, subject + "-" + i, pattern.charAt(i) == '1', 1.0 + i % 3);
        }
        return this;
    }

    /** One item; {@code goldNats} sets the gold continuation's negative log-likelihood (its bits per byte). */
    public RunFixture add(String task, String subject, String id, boolean correct, double goldNats) {
        items.add(new Item(task, subject, id, correct, goldNats, Math.abs(id.hashCode()) % 4));
        return this;
    }

    public Path write(Path dir, String runId) {
        try {
            Files.createDirectories(dir);
            ObjectNode root = JSON.createObjectNode();
            root.put("schema", RunDirectory.SCHEMA);
            ObjectNode provenance = root.putObject("provenance");
            provenance.put("runId", runId);
            provenance.putObject("model").put("spec", "fixture:" + runId);
            ArrayNode tasks = root.putArray("tasks");
            items.stream().map(i -> i.task).distinct().forEach(t -> {
                ObjectNode task = tasks.addObject().put("task", t).put("mainMetric", "acc");
                ArrayNode declared = task.putArray("metrics");
                declared.addObject().put("name", "acc").put("higherIsBetter", true);
                declared.addObject().put("name", "acc_norm").put("higherIsBetter", true);
                declared.addObject().put("name", "bpb").put("higherIsBetter", false);
            });
            ArrayNode subjects = root.putObject("results").putArray("subjects");
            Map<String, List<Item>> bySubject = new LinkedHashMap<>();
            items.forEach(i -> bySubject.computeIfAbsent(i.task + "/" + i.subject, k -> new ArrayList<>()).add(i));
            for (List<Item> members : bySubject.values()) {
                ObjectNode s = subjects.addObject();
                s.put("task", members.get(0).task);
                s.put("subject", members.get(0).subject);
                s.putArray("categories");
                s.put("n", members.size());
                ObjectNode metrics = s.putObject("metrics");
                metrics.putObject("acc").put("value", members.stream().filter(Item::correct).count()
                        / (double) members.size());
                metrics.putObject("bpb").put("value", members.stream().mapToDouble(RunFixture::bpb).sum()
                        / members.size());
            }
            Files.writeString(dir.resolve(RunDirectory.RESULTS), JSON.writeValueAsString(root));
            List<String> lines = new ArrayList<>();
            for (Item i : items) {
                ObjectNode o = JSON.createObjectNode();
                o.put("task", i.task);
                o.put("subject", i.subject);
                o.put("id", i.id);
                o.put("gold", i.gold);
                ObjectNode m = o.putObject("metrics");
                m.put("acc", i.correct ? 1.0 : 0.0);
                m.put("acc_norm", i.correct ? 1.0 : 0.0);
                m.put("bpb", bpb(i));
                lines.add(JSON.writeValueAsString(o));
            }
            Files.write(dir.resolve(RunDirectory.SAMPLES), lines);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double bpb(Item i) {
        return i.goldNats / Math.log(2) / 4;
    }
}
