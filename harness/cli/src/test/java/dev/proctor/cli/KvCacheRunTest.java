package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.testkit.SharedFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The KV cache changes no result: the embedded tiny GPT exported with past key values ({@code tiny-gpt-past}) gives,
 * with its cache on and off, per-item log-likelihoods within 1e-4 and identical predictions and generations, on the
 * bundled suite and on 5-shot CMMLU, for letter, log-likelihood and generation scoring. With the cache, every token
 * of the prompts' prefix tree is computed once (letter and log-likelihood scoring). CMMLU's official prompts are
 * fitted to the model's 512 tokens by dropping examples, so a subject's questions still share their opening; lm-eval's
 * prompts would be cut on the left and share little.
 */
class KvCacheRunTest {

    @ParameterizedTest
    @CsvSource({"synthetic, letter, official, 0", "synthetic, loglik, lm-eval, 3", "synthetic, generate, official, 2",
            "cmmlu, letter, official, 5", "cmmlu, loglik, official, 5", "cmmlu, generate, official, 5"})
    void cacheOnAndOffAgree(String task, String scoring, String format, String shots, @TempDir Path tmp) {
        List<String> options = new ArrayList<>(List.of("--scoring", scoring, "--format", format, "--shots", shots));
        if (task.equals("cmmlu")) {
            options.addAll(List.of("--task", "cmmlu:agronomy,cmmlu:virology", "--data-dir",
                    SharedFolder.require("data/cmmlu").toString(), "--limit", "6"));
        } else {
            options.addAll(List.of("--task", "synthetic", "--limit", "25"));
        }
        if (scoring.equals("generate")) {
            options.addAll(List.of("--max-gen-tokens", "12"));
        }
        Map<String, JsonNode> on = CliRuns.samples(tmp.resolve("on"), options,
                List.of("--model", "embedded:tiny-gpt-past"));
        Map<String, JsonNode> off = CliRuns.samples(tmp.resolve("off"), options,
                List.of("--model", "embedded:tiny-gpt-past", "--model-arg", "kv-cache=off"));
        double maxDiff = Samples.sameAnswersMaxLoglikDifference(off, on, scoring.equals("generate"));
        assertTrue(maxDiff <= 1e-4, "max |delta loglik| = " + maxDiff);

        JsonNode withCache = CliRuns.results(tmp.resolve("on"));
        JsonNode without = CliRuns.results(tmp.resolve("off"));
        assertEquals("on (8 past tensors)", withCache.at("/provenance/model/identity/kvCache").asText());
        assertEquals("off (8 past tensors)", without.at("/provenance/model/identity/kvCache").asText());
        double cached = withCache.at("/stats/tokensPerTreeToken").asDouble();
        double uncached = without.at("/stats/tokensPerTreeToken").asDouble();
        if (!scoring.equals("generate")) {
            assertEquals(1.0, cached, 0.0, "each prefix-tree token computed once");
        }
        assertTrue(uncached > 1.5 * cached, "without the cache shared prefixes run again: " + uncached + " vs " + cached);
    }
}
