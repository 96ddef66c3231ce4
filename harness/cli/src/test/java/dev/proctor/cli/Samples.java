package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a run's samples.jsonl and results.json for assertions. */
final class Samples {
    static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    /** Item key (task/id) to its sample line. */
    static Map<String, JsonNode> read(Path runDir) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(runDir.resolve("samples.jsonl"))) {
                JsonNode node = JSON.readTree(line);
                byId.put(node.get("task").asText() + "/" + node.get("id").asText(), node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }

    static JsonNode results(Path runDir) {
        try {
            return JSON.readTree(runDir.resolve("results.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that two runs of the same items made the same predictions (and, for generation, the same generations),
     * and returns the largest difference between their choices' log-likelihoods (0 for generation).
     */
    static double sameAnswersMaxLoglikDifference(Map<String, JsonNode> a, Map<String, JsonNode> b, boolean generate) {
        assertEquals(a.keySet(), b.keySet());
        double maxDiff = 0;
        for (String id : a.keySet()) {
            assertEquals(a.get(id).get("prediction"), b.get(id).get("prediction"), id);
            if (generate) {
                assertEquals(a.get(id).at("/details/generation"), b.get(id).at("/details/generation"), id);
                continue;
            }
            JsonNode x = a.get(id).at("/details/choiceLoglik");
            JsonNode y = b.get(id).at("/details/choiceLoglik");
            assertEquals(4, x.size(), id);
            for (int i = 0; i < x.size(); i++) {
                maxDiff = Math.max(maxDiff, Math.abs(x.get(i).asDouble() - y.get(i).asDouble()));
            }
        }
        return maxDiff;
    }

    /** The overall group row of a task for one averaging ("macro" or "micro"). */
    static JsonNode overall(JsonNode results, String task, String averaging) {
        for (JsonNode g : results.get("results").get("groups")) {
            if (g.get("task").asText().equals(task) && g.get("group").asText().equals("overall")
                    && g.get("averaging").asText().equals(averaging)) {
                return g;
            }
        }
        throw new AssertionError("no overall " + averaging + " row for " + task);
    }
}
