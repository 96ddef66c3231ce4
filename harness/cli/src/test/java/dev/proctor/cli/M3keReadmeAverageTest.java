package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.testkit.SharedFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** M3KE's README reports the unweighted mean of its four cluster averages; a run reports it beside macro and micro. */
class M3keReadmeAverageTest {

    @Test
    void theReadmeAverageRowIsTheMeanOfTheFourClusterMacroAverages(@TempDir Path out) {
        Path m3ke = SharedFolder.require("data/m3ke");
        CliRun run = CliRun.of("run", "--tasks", "m3ke", "--split", "dev", "--data-dir", m3ke.toString(), "--limit",
                "2", "--resamples", "200", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode results = Samples.results(out);
        double sum = 0;
        JsonNode readme = null;
        for (JsonNode g : results.at("/results/groups")) {
            if (g.get("group").asText().startsWith("cluster:") && g.path("averaging").asText().equals("macro")) {
                sum += g.at("/metrics/acc/value").asDouble();
            }
            if (g.get("level").asText().equals("reference")) {
                readme = g;
            }
        }
        assertEquals("README average", readme.get("group").asText());
        assertEquals(sum / 4, readme.at("/metrics/acc/value").asDouble(), 1e-12);
        assertEquals(142, readme.get("n").asInt(), "71 tasks, 2 questions each");
        assertEquals("README average", results.at("/tasks/0/referenceAverages/0/name").asText());
    }
}
