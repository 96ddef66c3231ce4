package dev.proctor.retrieval.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One public case of ../shared/peers: the inputs as Proctor types and the peers' answers as JSON. */
record PeerCase(String name, Qrels qrels, Run run, List<Integer> k, int relevanceLevel, boolean ignoreIdenticalIds,
                JsonNode output) {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static PeerCase read(Path input) {
        String name = input.getFileName().toString().replace(".input.json", "");
        try {
            JsonNode in = MAPPER.readTree(input.toFile());
            JsonNode out = MAPPER.readTree(input.resolveSibling(name + ".output.json").toFile());
            Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
            in.get("qrels").fields().forEachRemaining(q -> {
                Map<String, Integer> docs = new LinkedHashMap<>();
                q.getValue().fields().forEachRemaining(d -> docs.put(d.getKey(), d.getValue().intValue()));
                qrels.put(q.getKey(), docs);
            });
            Map<String, Map<String, Double>> run = new LinkedHashMap<>();
            in.get("run").fields().forEachRemaining(q -> {
                Map<String, Double> docs = new LinkedHashMap<>();
                q.getValue().fields().forEachRemaining(d -> docs.put(d.getKey(), d.getValue().doubleValue()));
                run.put(q.getKey(), docs);
            });
            List<Integer> k = new ArrayList<>();
            in.get("k_values").forEach(v -> k.add(v.intValue()));
            JsonNode params = out.get("params");
            return new PeerCase(name, new Qrels(qrels), new Run(run), k, params.get("relevance_level").intValue(),
                    params.get("ignore_identical_ids").booleanValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The peers folder under the shared folder. */
    static Path peersDir() {
        return SharedFolder.resolve("peers");
    }

    static List<Path> inputs() {
        Path dir = peersDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("ret_.*\\.input\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MetricOptions options() {
        return MetricOptions.of(k).withRelevanceLevel(relevanceLevel).withIgnoreIdenticalIds(ignoreIdenticalIds);
    }

    static double number(JsonNode v) {
        if (v.isTextual()) {
            return switch (v.textValue()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("not a number: " + v);
            };
        }
        return v.doubleValue();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.textValue()));
        return out;
    }
}
