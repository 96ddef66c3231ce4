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

        for (String file : new String[] {"results.json", "samples.jsonl", "summary.csv", "summary.md"}) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " missing");
        }
        JsonNode results = Samples.results(out);
        JsonNode provenance = results.get("provenance");
        assertTrue(provenance.at("/model/identity/modelSha256").asText().matches("[0-9a-f]{64}"), provenance::toString);
        assertTrue(provenance.at("/model/engine").asText().contains("ONNX Runtime 1.23"), "the runtime that runs");
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
        assertEquals(1.0, results.at("/stats/sequencesPerItem").asDouble(), "letter scoring: one forward per question");

        // Above chance by more than three standard errors: the model learned the facts the suite asks about.
        double accuracy = micro.at("/metrics/acc/value").asDouble();
        double stderr = micro.at("/metrics/acc/stderr").asDouble();
        assertTrue(accuracy > 0.25 + 3 * stderr, "accuracy " + accuracy + " +- " + stderr);
        assertTrue(micro.at("/metrics/acc/ci/0").asDouble() > 0.25, "and its bootstrap interval is too");
        assertEquals("acc", results.at("/tasks/0/mainMetric").asText());
        assertTrue(run.out().contains("overall"), run.out());
        JsonNode sample = samples.values().iterator().next();
        assertTrue(sample.get("prompt").asText().startsWith("The following are multiple choice questions"), sample::toString);
        assertEquals(4, sample.get("requests").size());
        assertEquals(" A", sample.at("/requests/0/continuation").asText());
    }

    @Test
    void generateScoringReadsTheLetterByANamedRuleFarAboveChance(@TempDir Path out) {
        CliRun run = CliRun.of("run", "--out", out.toString(), "--no-progress", "--scoring", "generate");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode results = Samples.results(out);
        assertEquals("exact_match", results.at("/tasks/0/mainMetric").asText());
        assertEquals("first-letter", results.at("/tasks/0/settings/answerRule").asText());
        JsonNode micro = Samples.overall(results, "synthetic", "micro");
        double exact = micro.at("/metrics/exact_match/value").asDouble();
        assertTrue(micro.at("/metrics/exact_match/ci/0").asDouble() > 0.25 + 0.2,
                "exact match far above chance: " + micro.at("/metrics/exact_match"));
        JsonNode sample = Samples.read(out).values().iterator().next();
        assertEquals("generate", sample.at("/requests/0/kind").asText());
        assertTrue(sample.at("/details/generation").isTextual() && sample.at("/details/rule").asText().equals(
                "first-letter"), sample::toString);
        System.out.printf("bundled suite, generate scoring: exact match %.4f, no answer %.4f%n", exact,
                micro.at("/metrics/no_answer/value").asDouble());
    }

    @Test
    void samePromptsAndScoresWhenRunAgainResumingEverything(@TempDir Path out) {
        assertEquals(0, CliRun.of("run", "--out", out.toString(), "--no-progress", "--limit", "4").exitCode());
        Map<String, JsonNode> first = Samples.read(out);
        CliRun again = CliRun.of("run", "--out", out.toString(), "--no-progress", "--limit", "4");
        assertEquals(0, again.exitCode(), again::toString);
        JsonNode stats = Samples.results(out).get("stats");
        assertEquals(0, stats.get("computedItems").asLong(), "nothing is recomputed");
        assertEquals(0, stats.get("computedResponses").asLong());
        assertEquals(first.size(), stats.get("reusedItems").asLong());
        assertTrue(stats.get("sequencesPerItem").isNull() && stats.at("/undefined/sequencesPerItem").asText()
                .contains("no item was computed"), "undefined, with the reason, never 0 or NaN: " + stats);
        assertTrue(stats.get("paddingEfficiency").isNull(), stats::toString);
        assertTrue(again.out().contains("(0 computed, " + first.size() + " reused)"), again.out());
        assertEquals(first.keySet(), Samples.read(out).keySet());
    }

    @Test
    void theShotRuleAndTheShotsUsedAreCountedInTheSummary(@TempDir Path out) {
        CliRun run = CliRun.of("run", "--shots", "5", "--max-length", "300", "--limit", "3", "--resamples", "100",
                "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode facts = Samples.results(out).at("/tasks/0/facts");
        assertEquals(6, facts.at("/shotRule/cmmlu-gen-prompt").asInt(), "the two Chinese subjects: CMMLU's rule");
        assertEquals(9, facts.at("/shotRule/mmlu-drop-last").asInt(), "the three English ones: hendrycks'");
        assertEquals(15, facts.at("/maxLength/300").asInt());
        int used = 0;
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) facts.get("shotsUsed")::fields) {
            used += e.getValue().asInt();
        }
        assertEquals(15, used, "every item counted once");
        assertTrue(run.out().contains("(synthetic items by fact: shotRule cmmlu-gen-prompt:6, mmlu-drop-last:9;"),
                run.out());
        Map<String, JsonNode> samples = Samples.read(out);
        assertTrue(samples.values().stream().allMatch(s -> s.at("/facts/shotRule").isTextual()), "and per item");
    }

    @Test
    void aDifferentCommandIsRefusedInAnotherRunsDirectory(@TempDir Path out) {
        assertEquals(0, CliRun.of("run", "--out", out.toString(), "--no-progress", "--limit", "2").exitCode());
        CliRun other = CliRun.of("run", "--out", out.toString(), "--no-progress", "--limit", "2", "--seed", "7");
        assertEquals(Main.EXIT_USER_ERROR, other.exitCode(), other::toString);
        assertTrue(other.err().contains("different run"), other.err());
    }
}
