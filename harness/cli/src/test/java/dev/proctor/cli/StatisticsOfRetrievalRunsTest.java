package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics commands read a retrieval run as they read a multiple-choice one, on the run's own main metric
 * unless told otherwise.
 */
class StatisticsOfRetrievalRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void intervalsAndPairedComparisonsUseTheMainMetricOfTheRuns(@TempDir Path dir) throws Exception {
        Path a = bm25(dir.resolve("a"), "1.2");
        Path b = bm25(dir.resolve("b"), "0.3");

        CliRun ci = CliRun.of("stats", "ci", a.toString(), "--resamples", "200", "--out", dir.resolve("ci").toString(),
                "--json");
        assertEquals(0, ci.exitCode(), ci::toString);
        JsonNode report = JSON.readTree(ci.out());
        assertEquals("ndcg_cut_10", report.at("/provenance/parameters/metric").asText());
        JsonNode results = JSON.readTree(a.resolve("results.json").toFile());
        assertEquals(results.at("/results/subjects/0/metrics/ndcg_cut_10/value").asDouble(),
                report.at("/results/rows/0/score").asDouble(), 1e-15);
        assertEquals("NaN", report.at("/results/rows/0/se_binomial").asText(), "nDCG is not a 0/1 score");

        CliRun compare = CliRun.of("compare", a.toString(), b.toString(), "--resamples", "200", "--out",
                dir.resolve("cmp").toString(), "--json");
        assertEquals(0, compare.exitCode(), compare::toString);
        JsonNode row = JSON.readTree(compare.out()).at("/results/rows/0");
        assertEquals(22, row.get("n").asInt());
        assertTrue(row.path("mcnemar").isMissingNode(), "nDCG is not binary: no McNemar test");

        CliRun recall = CliRun.of("stats", "ci", a.toString(), "--metric", "recall_10", "--resamples", "200",
                "--out", dir.resolve("ci10").toString(), "--json");
        assertEquals(0, recall.exitCode(), recall::toString);
        assertEquals(results.at("/results/subjects/0/metrics/recall_10/value").asDouble(),
                JSON.readTree(recall.out()).at("/results/rows/0/score").asDouble(), 1e-15);
    }

    private static Path bm25(Path out, String k1) {
        CliRun run = CliRun.of("run", "--tasks", "retrieval:everyday-en", "--model", "bm25", "--model-arg",
                "k1=" + k1, "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run::toString);
        return out;
    }
}
