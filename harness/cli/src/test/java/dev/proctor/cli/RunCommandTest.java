package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, end to end: the embedded model on the bundled suite. */
class RunCommandTest {

    @Test
    void defaultRunEvaluatesTheEmbeddedModelOnTheBundledSuiteAboveChance(@TempDir Path out) {
        CliRun run = CliRun.of("run", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run::toString);

        for (String file : new String[] {"results.json", "samples.jsonl", "summary.csv", "summary.md", "uncertainty.csv"}) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " missing");
        }
        JsonNode results = Samples.results(out);
        JsonNode provenance = results.get("provenance");
        assertTrue(provenance.at("/model/modelSha256").asText().matches("[0-9a-f]{64}"), provenance::toString);
        assertEquals("official", provenance.at("/config/format").asText());
        assertEquals(0, provenance.at("/config/shots").asInt());
        assertEquals("letter", provenance.at("/config/scoring").asText());
        assertTrue(provenance.get("dataFiles").size() > 0);
        for (JsonNode file : provenance.get("dataFiles")) {
            assertTrue(file.get("sha256").asText().matches("[0-9a-f]{64}"), file::toString);
        }

        Map<String, JsonNode> samples = Samples.read(out);
        JsonNode micro = Samples.overall(results, "synthetic", "micro");
        assertEquals(samples.size(), micro.get("n").asInt());
        assertEquals(1.0, results.at("/stats/forwardsPerItem").asDouble(), "letter scoring: one forward per question");

        // Above chance by more than three standard errors: the model learned the facts the suite asks about.
        double accuracy = micro.get("acc").asDouble();
        double stderr = micro.get("acc_stderr").asDouble();
        assertTrue(accuracy > 0.25 + 3 * stderr, "accuracy " + accuracy + " +- " + stderr);
        assertTrue(run.out().contains("overall"), run.out());
    }

    @Test
    void samePromptsAndScoresWhenRunAgainResumingEverything(@TempDir Path out) {
        assertEquals(0, CliRun.of("run", "--out", out.toString(), "--no-progress", "--limit", "4").exitCode());
        Map<String, JsonNode> first = Samples.read(out);
        CliRun again = CliRun.of("run", "--out", out.toString(), "--no-progress", "--limit", "4");
        assertEquals(0, again.exitCode(), again::toString);
        JsonNode stats = Samples.results(out).get("stats");
        assertEquals(0, stats.get("items").asLong(), "nothing is recomputed");
        assertEquals(first.size(), stats.get("resumedItems").asLong());
        assertEquals(first.keySet(), Samples.read(out).keySet());
    }

    @Test
    void aDifferentCommandIsRefusedInAnotherRunsDirectory(@TempDir Path out) {
        assertEquals(0, CliRun.of("run", "--out", out.toString(), "--no-progress", "--limit", "2").exitCode());
        CliRun other = CliRun.of("run", "--out", out.toString(), "--no-progress", "--limit", "2", "--seed", "7");
        assertEquals(Main.EXIT_USER_ERROR, other.exitCode(), other::toString);
        assertTrue(other.err().contains("different run"), other.err());
    }
}
