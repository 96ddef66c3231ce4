package dev.proctor.htmlreport.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.stats.io.RunDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run directory as the report reads it: {@code results.json} (rows, settings, figures, provenance; read and
 * schema-checked by {@link RunDirectory#readResults}) and, from
 * {@code samples.jsonl}, the shots each item had. Anything missing that the report needs is an error naming the file.
 */
public record RunResults(Path dir, String runId, String model, JsonNode provenance, List<TaskResults> tasks) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunResults {
        tasks = List.copyOf(tasks);
    }

    public static RunResults read(Path dir) {
        Path file = dir.resolve(RunDirectory.RESULTS);
        JsonNode root = RunDirectory.readResults(dir);
        JsonNode provenance = required(root, "provenance", file);
        Map<String, Map<String, ShotCounts>> shots = shots(dir.resolve(RunDirectory.SAMPLES));
        List<TaskResults> tasks = new ArrayList<>();
        for (JsonNode t : required(root, "tasks", file)) {
            String task = t.path("task").asText();
            String main = t.path("mainMetric").asText();
            Map<String, Boolean> higher = new LinkedHashMap<>();
            boolean perItem = false;
            for (JsonNode m : t.path("metrics")) {
                higher.put(m.path("name").asText(), m.path("higherIsBetter").asBoolean(true));
                perItem |= m.path("name").asText().equals(main) && m.path("aggregation").asText().equals("mean");
            }
            List<ResultRow> subjects = new ArrayList<>();
            Map<String, JsonNode> figures = new LinkedHashMap<>();
            for (JsonNode r : required(root, "results", file).path("subjects")) {
                if (r.path("task").asText().equals(task)) {
                    ResultRow row = row(r, "subject");
                    subjects.add(row);
                    if (r.has("figures")) {
                        figures.put(row.name(), r.get("figures"));
                    }
                }
            }
            List<ResultRow> groups = new ArrayList<>();
            for (JsonNode r : root.path("results").path("groups")) {
                if (r.path("task").asText().equals(task)) {
                    groups.add(row(r, "group"));
                }
            }
            tasks.add(new TaskResults(task, main, higher, perItem, t.path("settings"), subjects, groups, figures,
                    shots.getOrDefault(task, Map.of())));
        }
        JsonNode model = provenance.path("model");
        String name = model.path("name").asText(model.path("spec").asText("model"));
        return new RunResults(dir, provenance.path("runId").asText(dir.getFileName().toString()), name, provenance,
                tasks);
    }

    private static ResultRow row(JsonNode r, String nameField) {
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        r.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), Estimate.of(e.getValue())));
        String averaging = r.path("averaging").asText("");
        return new ResultRow(r.path("level").asText(), r.path(nameField).asText(),
                averaging.isEmpty() ? Optional.empty() : Optional.of(averaging), r.path("n").asInt(), metrics);
    }

    /** By task and subject, the shots the items had; empty where samples.jsonl is absent or records none. */
    private static Map<String, Map<String, ShotCounts>> shots(Path samples) {
        Map<String, Map<String, ShotCounts>> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(samples)) {
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(samples)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode sample;
                try {
                    sample = JSON.readTree(line);
                } catch (IOException e) {
                    throw new DataFormatException(samples, number, "expected one JSON object per line: "
                            + e.getMessage());
                }
                JsonNode used = sample.path("facts").path("shotsUsed");
                if (used.isInt()) {
                    out.computeIfAbsent(sample.path("task").asText(), t -> new LinkedHashMap<>())
                            .merge(sample.path("subject").asText(), ShotCounts.none().add(used.asInt(),
                                    sample.path("facts").path("shotsDropped").asInt(0)),
                                    (a, b) -> a.add(b.min(), b.dropped()));
                }
            }
        } catch (IOException e) {
            throw new DataFormatException(samples, 0, "cannot read: " + e.getMessage());
        }
        return out;
    }

    private static JsonNode required(JsonNode root, String field, Path file) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new DataFormatException(file, 0, "expected a '" + field + "' field in a Proctor results file");
        }
        return n;
    }
}
