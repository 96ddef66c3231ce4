package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code proctor export --format lm-eval}: the layout lm-evaluation-harness documents for its results JSON
 * ({@code lm_eval/result_schema.py}; the keys its own {@code test_output_has_required_keys} requires), holding the
 * run's numbers.
 */
class ExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lmEvalLayoutHoldsTheRunsNumbers(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliRun r = CliRun.of("run", "--no-progress", "--limit", "20", "--resamples", "100", "--out", run.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Path file = tmp.resolve("lm-eval.json");
        CliRun e = CliRun.of("export", run.toString(), "--format", "lm-eval", "--out", file.toString());
        assertEquals(0, e.exitCode(), e::toString);
        JsonNode out = JSON.readTree(file.toFile());
        JsonNode results = JSON.readTree(run.resolve("results.json").toFile());
        for (String key : List.of("results", "group_subtasks", "configs", "versions", "n-shot", "higher_is_better",
                "n-samples", "groups", "config", "git_hash", "date", "model_name")) {
            assertTrue(out.has(key), "missing " + key);
        }
        int subjects = 0;
        for (JsonNode row : results.at("/results/subjects")) {
            String name = "synthetic_" + row.get("subject").asText();
            JsonNode entry = out.at("/results/" + name);
            assertEquals(row.at("/metrics/acc/value").asDouble(), entry.get("acc,none").asDouble(), 0, name);
            assertEquals(row.at("/metrics/acc/stderr").asDouble(), entry.get("acc_stderr,none").asDouble(), 0, name);
            assertEquals(20, out.at("/n-samples/" + name + "/effective").asInt());
            assertEquals(0, out.at("/n-shot/" + name).asInt());
            assertTrue(out.at("/higher_is_better/" + name + "/acc").asBoolean());
            assertFalse(out.at("/higher_is_better/" + name + "/bpb").asBoolean(), "bits per byte: lower is better");
            subjects++;
        }
        assertEquals(subjects, out.at("/group_subtasks/synthetic").size());
        JsonNode micro = null;
        for (JsonNode g : results.at("/results/groups")) {
            if (g.get("level").asText().equals("overall") && g.get("averaging").asText().equals("micro")) {
                micro = g;
            }
        }
        assertEquals(micro.at("/metrics/acc/value").asDouble(), out.at("/groups/synthetic/acc,none").asDouble(), 0);
        assertEquals("multiple_choice", out.at("/configs/synthetic_geography_en/output_type").asText());
    }

    @Test
    void anUnknownFormatIsRefused(@TempDir Path tmp) {
        CliRun e = CliRun.of("export", tmp.toString(), "--format", "helm");
        assertTrue(e.exitCode() != 0);
        assertTrue(e.err().contains("the export formats are lm-eval"), e::toString);
    }
}
