package dev.proctor.cli.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.cli.Main;
import dev.proctor.testkit.IsolatedCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code proctor retrieve} end to end on the bundled English set: the report folder's files, the JSON's
 * provenance, and a user error that names the choices. Proctor's cache points at a temporary folder so the
 * bundled data and encoders are extracted there, not into the user's cache.
 */
class RetrieveCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final IsolatedCache CACHE = new IsolatedCache();

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

    static JsonNode metric(JsonNode results, String metric) {
        return results.at("/results/subjects/0/metrics/" + metric);
    }

    @Test
    void bm25WritesTheWholeReport(@TempDir Path dir) throws Exception {
        Result r = run("--dataset", "bundled:everyday-en", "--retriever", "bm25", "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("run.trec", "samples.jsonl", "summary.csv", "summary.md", "results.json")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        JsonNode results = JSON.readTree(r.out());
        assertEquals("ndcg_cut_10", results.at("/tasks/0/mainMetric").asText());
        assertEquals(0.8723, metric(results, "ndcg_cut_10").get("value").asDouble(), 5e-5, r.out());
        assertEquals("bm25", results.at("/provenance/model/spec").asText());
        assertEquals(1.2, results.at("/provenance/model/identity/k1").asDouble(), 1e-6);
        assertEquals(0.75, results.at("/provenance/model/identity/b").asDouble(), 1e-6);
        assertTrue(results.at("/notes/bm25 everyday-en").asText().startsWith("EnglishAnalyzer"), results.at("/notes")
                .toString());
        assertEquals(64, results.at("/provenance/dataFiles/0/sha256").asText().length());
        assertEquals("corpus", results.at("/provenance/dataFiles/0/role").asText());
        assertTrue(results.at("/provenance/harness/version").isTextual());
        String firstLine = Files.readAllLines(dir.resolve("run.trec")).get(0);
        assertTrue(firstLine.matches("en-q\\d+ Q0 en-d\\d+ 1 \\S+ proctor-bm25"), firstLine);
        assertEquals(22, Files.readAllLines(dir.resolve("samples.jsonl")).size(), "one line per query");
    }

    @Test
    void denseRecordsTheEncoderAndStoresItsVectors(@TempDir Path dir) throws Exception {
        String[] args = {"--dataset", "bundled:everyday-zh", "--retriever", "dense", "--out", dir.toString(), "--json"};
        Result first = run(args);
        assertEquals(0, first.code(), first.err());
        JsonNode a = JSON.readTree(first.out());
        JsonNode identity = a.at("/provenance/model/identity");
        assertEquals("cls", identity.path("pooling").asText());
        assertEquals("为这个句子生成表示以检索相关文章：", identity.path("queryPrefix").asText());
        assertEquals(64, identity.path("modelSha256").asText().length());
        assertEquals("one text per call", identity.path("batching").asText(), "the int8 encoder is batch-dependent");
        assertTrue(a.at("/notes/encoder batching bge-small-zh").asText().contains("differ by at most 0.0"),
                a.at("/notes").toString());
        Result second = run(args);
        JsonNode b = JSON.readTree(second.out());
        assertEquals(0, b.at("/stats/computedResponses").asLong(), "the second run computes nothing");
        assertEquals(22, b.at("/stats/reusedResponses").asLong(), "every ranking read back");
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("items.sqlite"));
             var rs = db.createStatement().executeQuery("SELECT kind, count(*) FROM responses GROUP BY kind")) {
            java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
            while (rs.next()) {
                kinds.put(rs.getString(1), rs.getInt(2));
            }
            assertEquals(22, kinds.get("retrieve"));
            assertTrue(kinds.get("embed") >= 48 + 22, "every passage's and query's vector is a stored response: "
                    + kinds);
        }
        assertEquals(metric(a, "ndcg_cut_10").get("value").asDouble(), metric(b, "ndcg_cut_10").get("value")
                .asDouble(), 0.0);
    }

    @Test
    void torchScriptEncoderAndBootstrapSettingsReachTheReport(@TempDir Path dir) throws Exception {
        Path tiny = Path.of("..", "..", "tasks", "retrieval", "src", "test", "resources", "tiny-encoder")
                .toAbsolutePath().normalize();
        Result r = run("--dataset", "bundled:everyday-en", "--retriever", "dense", "--encoder", "torchscript:" + tiny,
                "--resamples", "2000", "--seed", "7", "--confidence", "90", "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode results = JSON.readTree(r.out());
        assertTrue(results.at("/provenance/model/engine").asText().contains("PyTorch engine"), r.out());
        JsonNode identity = results.at("/provenance/model/identity");
        assertEquals("[\"input_ids\",\"attention_mask\",\"token_type_ids\"]", identity.path("inputs").toString());
        assertEquals("mean", identity.path("pooling").asText());
        JsonNode bootstrap = results.at("/provenance/config/bootstrap");
        assertEquals(2000, bootstrap.path("resamples").asInt());
        assertEquals(7, bootstrap.path("seed").asLong());
        assertEquals(90.0, bootstrap.path("confidence").asDouble());
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("2000 bootstrap resamples, seed 7"));
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("90% CI"));
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
        JsonNode results = JSON.readTree(r.out());
        assertEquals("batches of at most 2048 padded tokens (vectors may depend on the batch)",
                results.at("/provenance/model/identity/batching").asText(), "the budget is part of the identity");
        assertFalse(results.at("/notes/encoder batching minilm").asText().contains("probe"),
                "budget mode measures nothing");

        Result bad = run("--dataset", "bundled:everyday-en", "--retriever", "dense", "--batching", "sometimes");
        assertEquals(Main.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("auto, budget, per-text"), bad.err());
    }

    @Test
    void aDeviceOutsideCpuGpuIsRefusedAndAnInvisibleGpuNamesTheEngine() {
        Result bad = run("--dataset", "bundled:everyday-en", "--retriever", "dense", "--device", "tpu");
        assertEquals(Main.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("device 'tpu' is not one of cpu, gpu, gpu:N"), bad.err());
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
