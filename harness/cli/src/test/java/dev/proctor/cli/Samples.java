package dev.proctor.cli;

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
