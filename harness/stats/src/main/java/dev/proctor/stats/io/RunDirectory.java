package dev.proctor.stats.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.JsonLine;
import dev.proctor.datafiles.JsonLinesReader;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a run directory written by {@code proctor run} (reports/README.md): {@code results.json} for provenance
 * and subject rows, {@code samples.jsonl} for every item. A malformed file is an error naming file and line;
 * nothing is guessed.
 */
public final class RunDirectory {
    public static final String RESULTS = "results.json";
    public static final String SAMPLES = "samples.jsonl";
    /** The results.json layout this reader understands. */
    public static final String SCHEMA = "proctor-results/2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunDirectory() {
    }

    public static RunData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ProctorException("run directory " + dir.toAbsolutePath() + " does not exist");
        }
        Path results = dir.resolve(RESULTS);
        Path samples = dir.resolve(SAMPLES);
        for (Path file : List.of(results, samples)) {
            if (!Files.isRegularFile(file)) {
                throw new ProctorException(dir + " is not a Proctor run directory: " + file.getFileName()
                        + " is missing (proctor run writes results.json and samples.jsonl)");
            }
        }
        JsonNode root = readResults(dir);
        JsonNode provenance = root.path("provenance");
        String runId = provenance.path("runId").isTextual() ? provenance.get("runId").asText()
                : dir.toAbsolutePath().normalize().getFileName().toString();
        List<SubjectInfo> subjects = subjects(results, root.at("/results/subjects"));
        List<ItemOutcome> items = items(samples);
        return new RunData(dir, runId, provenance.isMissingNode() ? MissingNode.getInstance() : provenance,
                subjects, items, tasks(results, root.path("tasks")), Sha256.of(results), Sha256.of(samples));
    }

    /**
     * A run directory's results.json as a tree, refused unless it is JSON of this reader's {@link #SCHEMA}: the one
     * check that every reader of run directories (statistics, reports, exports) makes.
     */
    public static JsonNode readResults(Path dir) {
        Path results = dir.resolve(RESULTS);
        if (!Files.isRegularFile(results)) {
            throw new DataFormatException(results, 0, "expected a run directory's results.json (proctor run --out DIR)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(results.toFile());
        } catch (IOException e) {
            throw new DataFormatException(results, 0, "not valid JSON: " + e.getMessage());
        }
        if (!SCHEMA.equals(root.path("schema").asText())) {
            throw new DataFormatException(results, 0, "expected a results.json of schema " + SCHEMA + ", found "
                    + (root.has("schema") ? root.get("schema").asText() : "none (written by an older Proctor)"));
        }
        return root;
    }

    private static List<TaskMetrics> tasks(Path file, JsonNode array) {
        if (!array.isArray()) {
            throw new DataFormatException(file, 0, "expected an array at tasks (a results.json of schema " + SCHEMA
                    + ")");
        }
        List<TaskMetrics> out = new ArrayList<>();
        for (JsonNode t : array) {
            Set<String> lower = new HashSet<>();
            t.path("metrics").forEach(m -> {
                if (!m.path("higherIsBetter").asBoolean(true)) {
                    lower.add(m.path("name").asText());
                }
            });
            out.add(new TaskMetrics(text(file, 0, t, "task"), text(file, 0, t, "mainMetric"), lower));
        }
        return out;
    }

    private static List<SubjectInfo> subjects(Path file, JsonNode array) {
        if (!array.isArray()) {
            throw new DataFormatException(file, 0, "expected an array at results.subjects (a results.json of schema "
                    + SCHEMA + ")");
        }
        List<SubjectInfo> out = new ArrayList<>();
        for (JsonNode s : array) {
            List<String> categories = new ArrayList<>();
            s.path("categories").forEach(c -> categories.add(c.asText()));
            Map<String, Double> values = new LinkedHashMap<>();
            s.path("metrics").fields().forEachRemaining(e -> values.put(e.getKey(), number(e.getValue().path("value"))));
            out.add(new SubjectInfo(text(file, 0, s, "task"), text(file, 0, s, "subject"), s.path("n").asInt(),
                    values, categories));
        }
        return out;
    }

    /**
     * The gold answer as JSON with every object's keys sorted: a gold that is a map (relevance judgements by
     * document) is the same gold whatever order a run wrote its keys in.
     */
    static String canonical(JsonNode gold) {
        if (gold.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            List<String> keys = new ArrayList<>();
            gold.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            for (String k : keys) {
                sb.append(sb.length() > 1 ? "," : "").append(JSON.getNodeFactory().textNode(k)).append(':')
                        .append(canonical(gold.get(k)));
            }
            return sb.append('}').toString();
        }
        if (gold.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (JsonNode e : gold) {
                sb.append(sb.length() > 1 ? "," : "").append(canonical(e));
            }
            return sb.append(']').toString();
        }
        return gold.toString();
    }

    private static List<ItemOutcome> items(Path file) {
        List<ItemOutcome> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonLine line : JsonLinesReader.read(file)) {
            JsonNode o = line.object();
            long no = line.source().line();
            JsonNode metrics = o.get("metrics");
            if (metrics == null || !metrics.isObject()) {
                throw new DataFormatException(file, no, "missing object field 'metrics'");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            metrics.fields().forEachRemaining(e -> {
                double v = number(e.getValue());
                if (!Double.isFinite(v)) {
                    throw new DataFormatException(file, no, "expected metric '" + e.getKey() + "' to be a finite"
                            + " number, found " + e.getValue());
                }
                values.put(e.getKey(), v);
            });
            ItemOutcome item = new ItemOutcome(text(file, no, o, "task"), text(file, no, o, "subject"),
                    text(file, no, o, "id"), canonical(o.path("gold")), values);
            if (!seen.add(item.key())) {
                throw new DataFormatException(file, no, "item " + item.key() + " appears twice");
            }
            out.add(item);
        }
        if (out.isEmpty()) {
            throw new DataFormatException(file, 0, "no items: the run scored nothing");
        }
        return out;
    }

    private static String text(Path file, long line, JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new DataFormatException(file, line, "missing text field '" + field + "'");
        }
        return v.asText();
    }



    /** A number, or the strings "NaN"/"Infinity" Jackson writes for non-finite doubles; NaN when absent. */
    static double number(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
