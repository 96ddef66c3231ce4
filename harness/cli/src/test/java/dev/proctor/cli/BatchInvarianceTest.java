package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores must not depend on batching: one sequence per batch and the default token budget give the same
 * predictions and log-likelihoods within 1e-4 (and the same generations), with the real model, for all three scoring
 * modes and with few-shot prompts of very different lengths in the same batches.
 */
class BatchInvarianceTest {

    @ParameterizedTest
    @CsvSource({"letter, official, 0", "loglik, lm-eval, 3", "generate, official, 2"})
    void batchOfOneAndDefaultBudgetAgree(String scoring, String format, String shots, @TempDir Path tmp) {
        Path single = tmp.resolve("single");
        Path batched = tmp.resolve("batched");
        String[] common = {"--no-progress", "--scoring", scoring, "--format", format, "--shots", shots, "--limit", "25", "--resamples", "200"};
        CliRun one = CliRun.of(concat(new String[] {"run", "--out", single.toString(), "--batch-tokens", "1"}, common));
        assertEquals(0, one.exitCode(), one::toString);
        CliRun many = CliRun.of(concat(new String[] {"run", "--out", batched.toString()}, common));
        assertEquals(0, many.exitCode(), many::toString);

        JsonNode batchedStats = Samples.results(batched).get("stats");
        JsonNode singleStats = Samples.results(single).get("stats");
        assertEquals(singleStats.get("sequences").asLong(), singleStats.get("modelCalls").asLong(),
                "budget 1: one sequence per call");
        assertTrue(batchedStats.get("modelCalls").asLong() < singleStats.get("modelCalls").asLong(),
                "the default budget batches");

        Map<String, JsonNode> a = Samples.read(single);
        Map<String, JsonNode> b = Samples.read(batched);
        double maxDiff = Samples.sameAnswersMaxLoglikDifference(a, b, scoring.equals("generate"));
        assertTrue(maxDiff <= 1e-4, "max |delta loglik| = " + maxDiff);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
