package dev.proctor.cli.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.cli.Main;
import dev.proctor.datafiles.ProctorCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code proctor retrieve} end to end on the bundled English set: the report folder's files, the JSON's
 * provenance, and a user error that names the choices. Proctor's cache points at a temporary folder so the
 * bundled data and encoders are extracted there, not into the user's cache.
 */
class RetrieveCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path cache;
    static String previousCache;

    @BeforeAll
    static void isolateCache() {
        previousCache = System.getProperty(ProctorCache.PROPERTY);
        System.setProperty(ProctorCache.PROPERTY, cache.toString());
    }

    @AfterAll
    static void restoreCache() {
        if (previousCache == null) {
            System.clearProperty(ProctorCache.PROPERTY);
        } else {
            System.setProperty(ProctorCache.PROPERTY, previousCache);
        }
    }

    /** Runs the command as Main would once it is registered: user errors exit 1 with the message. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RetrieveCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof ProctorException) {
                c.getErr().println("error: " + e.getMessage());
                return Main.EXIT_USER_ERROR;
            }
            throw e;
        });
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void bm25WritesTheWholeReport(@TempDir Path dir) throws Exception {
        Result r = run("--dataset", "bundled:everyday-en", "--retriever", "bm25", "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("run.trec", "per_query.csv", "summary.csv", "summary.md", "results.json")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        JsonNode results = JSON.readTree(r.out());
        assertEquals("ndcg_cut_10", results.at("/mainScore/measure").asText());
        assertTrue(results.at("/mainScore/value").asDouble() > 0.5, r.out());
        assertEquals(1.2, results.at("/provenance/lexical/k1").asDouble(), 1e-6);
        assertEquals(0.75, results.at("/provenance/lexical/b").asDouble(), 1e-6);
        assertEquals("english", results.at("/provenance/lexical/analyzer").asText());
        assertEquals(64, results.at("/provenance/dataset/files/corpus/sha256").asText().length());
        assertTrue(results.at("/provenance/harness/version").isTextual());
        String firstLine = Files.readAllLines(dir.resolve("run.trec")).get(0);
        assertTrue(firstLine.matches("en-q\\d+ Q0 en-d\\d+ 1 \\S+ proctor-bm25"), firstLine);
        assertEquals(23, Files.readAllLines(dir.resolve("per_query.csv")).size(), "header + 22 queries");
    }

    @Test
    void denseRecordsTheEncoderAndReusesCachedVectors(@TempDir Path dir) throws Exception {
        String[] args = {"--dataset", "bundled:everyday-zh", "--retriever", "dense", "--out", dir.toString(), "--json"};
        Result first = run(args);
        assertEquals(0, first.code(), first.err());
        JsonNode a = JSON.readTree(first.out());
        assertEquals("cls", a.at("/provenance/dense/encoder/pooling").asText());
        assertEquals("为这个句子生成表示以检索相关文章：", a.at("/provenance/dense/encoder/queryPrefix").asText());
        assertEquals(64, a.at("/provenance/dense/encoder/modelSha256").asText().length());
        JsonNode batching = a.at("/provenance/dense/batching");
        assertEquals("auto", batching.path("requested").asText(), batching.toString());
        assertTrue(batching.path("oneTextPerCall").asBoolean(), "the int8 encoder is measured batch-dependent");
        assertTrue(batching.path("measuredBatchDependence").asDouble() > 1e-3, batching.toString());
        assertEquals(8192, batching.path("budget").asInt());
        assertEquals(1, batching.path("effectiveBatchTokens").asInt());
        Result second = run(args);
        JsonNode b = JSON.readTree(second.out());
        assertTrue(b.at("/provenance/dense/embeddingCache/hit").asBoolean(), "second run reads the cache");
        assertEquals(0, b.at("/provenance/dense/corpusEncoding/forwardCalls").asLong());
        assertEquals(a.at("/mainScore/value").asDouble(), b.at("/mainScore/value").asDouble(), 0.0);
    }

    @Test
    void torchScriptEncoderAndBootstrapSettingsReachTheReport(@TempDir Path dir) throws Exception {
        Path tiny = Path.of("..", "..", "tasks", "retrieval", "src", "test", "resources", "tiny-encoder")
                .toAbsolutePath().normalize();
        Result r = run("--dataset", "bundled:everyday-en", "--retriever", "dense", "--encoder", "torchscript:" + tiny,
                "--resamples", "2000", "--seed", "7", "--confidence", "90", "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode results = JSON.readTree(r.out());
        JsonNode encoder = results.at("/provenance/dense/encoder");
        assertTrue(encoder.path("engine").asText().contains("PyTorch engine"), encoder.toString());
        assertEquals("[\"input_ids\",\"attention_mask\",\"token_type_ids\"]", encoder.path("inputs").toString());
        assertEquals("mean", encoder.path("pooling").asText());
        assertEquals(2000, results.at("/bootstrap/B").asInt());
        assertEquals(7, results.at("/bootstrap/seed").asLong());
        assertEquals(90.0, results.at("/bootstrap/confidence_percent").asDouble());
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("B = 2000 resamples, seed 7"));
    }

    @Test
    void aBadConfidenceFailsBeforeAnyRetrieval(@TempDir Path dir) {
        Result r = run("--dataset", "bundled:everyday-en", "--retriever", "bm25", "--confidence", "150",
                "--out", dir.resolve("report").toString());
        assertEquals(Main.EXIT_USER_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("confidence level must be in (0, 100) percent, got 150"), r.err());
        assertTrue(!Files.exists(dir.resolve("report")), "nothing was run or written");
    }

    @Test
    void bootstrapSettingsArePartOfTheReportId(@TempDir Path reports) {
        for (String seed : List.of("1", "2", "1")) {
            Result r = run("--dataset", "bundled:everyday-en", "--retriever", "bm25", "--seed", seed,
                    "--resamples", "200", "--reports-dir", reports.toString());
            assertEquals(0, r.code(), r.err());
        }
        try (var dirs = Files.list(reports)) {
            assertEquals(2, dirs.count(), "seeds 1 and 2 write two reports; the second seed-1 run rewrites its own");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void batchingBudgetKeepsTheBudgetAndAnUnknownModeNamesTheChoices(@TempDir Path dir) throws Exception {
        Result r = run("--dataset", "bundled:everyday-en", "--retriever", "dense", "--encoder", "minilm",
                "--batching", "budget", "--batch-tokens", "2048", "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode batching = JSON.readTree(r.out()).at("/provenance/dense/batching");
        assertEquals(2048, batching.path("effectiveBatchTokens").asInt(), batching.toString());
        assertTrue(batching.path("measuredBatchDependence").isMissingNode(), "budget mode measures nothing");

        Result bad = run("--dataset", "bundled:everyday-en", "--retriever", "dense", "--batching", "sometimes");
        assertEquals(Main.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("auto, budget, per-text"), bad.err());
    }

    @Test
    void aDeviceOutsideCpuGpuIsRefusedAndAnInvisibleGpuNamesTheEngine() {
        Result bad = run("--dataset", "bundled:everyday-en", "--retriever", "dense", "--device", "tpu");
        assertEquals(Main.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("--device must be cpu, gpu or gpu:N, found tpu"), bad.err());
        Result gpu = run("--dataset", "bundled:everyday-en", "--retriever", "dense", "--device", "gpu");
        assertEquals(Main.EXIT_USER_ERROR, gpu.code());
        assertTrue(gpu.err().contains("engine sees none"), gpu.err());
    }

    @Test
    void unknownRetrieverNamesTheChoices() {
        Result r = run("--dataset", "bundled:everyday-en", "--retriever", "splade");
        assertEquals(Main.EXIT_USER_ERROR, r.code());
        assertTrue(r.err().contains("bm25, dense, hybrid-interp, hybrid-rrf"), r.err());
    }
}
