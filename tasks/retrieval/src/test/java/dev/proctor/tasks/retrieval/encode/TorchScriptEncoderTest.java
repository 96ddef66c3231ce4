package dev.proctor.tasks.retrieval.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.tasks.retrieval.Retrieval;
import dev.proctor.tasks.retrieval.RetrievalConfig;
import dev.proctor.tasks.retrieval.RetrievalOutcome;
import dev.proctor.tasks.retrieval.RetrieverKind;
import dev.proctor.tasks.retrieval.TestCaches;
import dev.proctor.tasks.retrieval.data.Document;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --encoder torchscript:DIR} on the tiny test encoder that {@code python/make_test_encoder.py} exports twice
 * from one PyTorch model (model.pt traced, model.onnx exported; not quantised): both engines must reproduce the
 * eager-PyTorch vectors the script wrote into reference.json, agree with each other at any batch budget, and give
 * the same retrieval run.
 */
class TorchScriptEncoderTest {
    static final Path TINY = Path.of("src", "test", "resources", "tiny-encoder");
    static final List<String> TINY_INPUTS = List.of("input_ids", "attention_mask", "token_type_ids");
    /** float32 through two engines against eager PyTorch in double pooling: observed ~1e-7. */
    static final double TOLERANCE = 1e-5;

    static EncoderSpec spec(EncoderEngine engine) {
        return EncoderSpec.resolve(engine.prefix() + TINY, Optional.empty(), Optional.empty());
    }

    @Test
    void bothEnginesReproduceEagerPyTorch() throws Exception {
        JsonNode reference = new ObjectMapper().readTree(TINY.resolve("reference.json").toFile()).path("texts");
        assertEquals(4, reference.size());
        for (EncoderEngine engine : EncoderEngine.values()) {
            try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(engine), 1024)) {
                List<String> texts = new ArrayList<>();
                reference.forEach(r -> texts.add(r.path("text").asText()));
                float[][] vectors = encoder.encode(texts);
                double worst = 0;
                for (int i = 0; i < texts.size(); i++) {
                    JsonNode r = reference.get(i);
                    PaddedInputs alone = encoder.plan(List.of(texts.get(i))).get(0);
                    long[] expectedIds = new long[r.path("input_ids").size()];
                    for (int t = 0; t < expectedIds.length; t++) {
                        expectedIds[t] = r.path("input_ids").get(t).asLong();
                    }
                    assertArrayEquals(expectedIds, alone.inputIds(), "token ids of '" + texts.get(i) + "'");
                    for (int d = 0; d < vectors[i].length; d++) {
                        worst = Math.max(worst, Math.abs(vectors[i][d] - r.path("vector").get(d).asDouble()));
                    }
                }
                System.out.printf(Locale.ROOT, "%s vs eager PyTorch: max |delta| %.2e%n", engine, worst);
                assertTrue(worst <= TOLERANCE, engine + " max |delta| " + worst);
            }
        }
    }

    @Test
    void torchScriptRecordsItsEngineAndPositionalInputs() {
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.TORCHSCRIPT), 1024)) {
            EncoderInfo info = encoder.info();
            assertTrue(info.engine().contains("PyTorch engine, PyTorch 2."), info.engine());
            assertEquals(TINY_INPUTS, info.inputs(), "the order encoder.json gives");
            assertEquals(32, info.dimension());
            assertEquals(Pooling.MEAN, info.config().pooling());
            assertEquals("tiny-idf-encoder", info.config().name());
            assertTrue(info.modelSha256().matches("[0-9a-f]{64}"), info.modelSha256());
        }
    }

    @Test
    void enginesAgreeOnTheBundledCorporaAtAnyBatchBudget() {
        List<String> passages = new ArrayList<>();
        for (String name : List.of("everyday-en", "everyday-zh")) {
            TestCaches.bundled(name).corpus().stream().map(Document::contents).forEach(passages::add);
        }
        float[][] onnx;
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.ONNX), 8192)) {
            onnx = encoder.encode(passages);
        }
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.TORCHSCRIPT), 8192)) {
            float[][] batched = encoder.encode(passages);
            long callsBefore = encoder.stats().forwardCalls();
            float[][] small = encoder.encode(passages, 64);
            assertTrue(encoder.stats().forwardCalls() - callsBefore > passages.size() / 2,
                    "budget 64 runs nearly one text a call");
            double engines = maxDelta(onnx, batched);
            double budgets = maxDelta(batched, small);
            System.out.printf(Locale.ROOT, "%d passages: ONNX vs TorchScript %.2e, TorchScript budget 8192 vs 64 %.2e%n",
                    passages.size(), engines, budgets);
            assertTrue(engines <= TOLERANCE, "engines differ by " + engines);
            assertTrue(budgets <= TOLERANCE, "batch budgets differ by " + budgets);
        }
    }

    @Test
    void aDenseRunThroughTorchScriptEqualsTheOnnxRun(@TempDir Path cache) {
        RetrievalDataset data = TestCaches.bundled("everyday-en");
        RetrievalOutcome torch = dense(data, EncoderEngine.TORCHSCRIPT, cache);
        RetrievalOutcome onnx = dense(data, EncoderEngine.ONNX, cache);
        RetrievalOutcome bm25 = Retrieval.run(data, RetrievalConfig.builder(RetrieverKind.BM25).build(),
                new EmbeddingCache(cache));
        System.out.printf(Locale.ROOT, "tiny encoder on everyday-en: nDCG@10 torchscript %.4f, onnx %.4f (bm25 %.4f)%n",
                torch.mainScore(), onnx.mainScore(), bm25.mainScore());
        assertEquals(onnx.mainScore(), torch.mainScore(), 1e-9);
        for (String q : data.queries().stream().map(dev.proctor.tasks.retrieval.data.Query::id).toList()) {
            assertEquals(top(onnx, q), top(torch, q), "top 10 of " + q);
        }
        assertTrue(torch.mainScore() > 0.3, "an IDF-weighted bag of words finds relevant passages: "
                + torch.mainScore());
        assertTrue(torch.dense().orElseThrow().encoder().engine().contains("PyTorch"));
        BatchingChoice batching = torch.dense().orElseThrow().batching();
        assertTrue(!batching.perText() && batching.effective() == 8192, "float32 and masked: batch-invariant, so"
                + " --batching auto keeps the budget: " + batching.describe());
        assertTrue(batching.measurement().orElseThrow().invariant(), batching.describe());
        assertTrue(!torch.dense().orElseThrow().cacheKey().equals(onnx.dense().orElseThrow().cacheKey()),
                "different model files, different embedding cache entries");
    }

    @Test
    void tooFewPositionalInputsFailWithAHint(@TempDir Path dir) throws Exception {
        folder(dir, EncoderEngine.TORCHSCRIPT, "[\"input_ids\", \"attention_mask\"]");
        ProctorException e = assertThrows(ProctorException.class, () -> DjlTextEncoder.open(
                EncoderSpec.resolve("torchscript:" + dir, Optional.empty(), Optional.empty()), 1024).close());
        assertTrue(e.getMessage().contains("[input_ids, attention_mask]"), e.getMessage());
        assertTrue(e.getMessage().contains("by position"), e.getMessage());
    }

    /**
     * TorchScript inputs go by position, in the configured order: swapping two gives other vectors (the order
     * cannot be checked, only the count; the README says so).
     */
    @Test
    void positionalInputsFollowTheConfiguredOrder(@TempDir Path dir) throws Exception {
        folder(dir, EncoderEngine.TORCHSCRIPT, "[\"input_ids\", \"token_type_ids\", \"attention_mask\"]");
        EncoderSpec swapped = EncoderSpec.resolve("torchscript:" + dir, Optional.empty(), Optional.empty());
        assertEquals(List.of("input_ids", "token_type_ids", "attention_mask"), swapped.config().inputs());
        List<String> texts = List.of("why do you need to knead bread dough", "how long should coffee steep");
        float[][] right;
        float[][] wrong;
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.TORCHSCRIPT), 1024)) {
            right = encoder.encode(texts);
        }
        try (DjlTextEncoder encoder = DjlTextEncoder.open(swapped, 1024)) {
            assertEquals(List.of("input_ids", "token_type_ids", "attention_mask"), encoder.info().inputs());
            wrong = encoder.encode(texts);
        }
        assertTrue(maxDelta(right, wrong) > 1e-3, "swapped inputs must change the vectors: " + maxDelta(right, wrong));
        RetrievalOutcome out = Retrieval.run(TestCaches.bundled("everyday-en"), RetrievalConfig.builder(
                RetrieverKind.DENSE).optEncoder("torchscript:" + dir).build(), new EmbeddingCache(dir.resolve("cache")));
        BatchingChoice batching = out.dense().orElseThrow().batching();
        System.out.printf(Locale.ROOT, "tiny encoder, attention_mask and token_type_ids swapped: nDCG@10 %.4f, %s%n",
                out.mainScore(), batching.describe());
        assertTrue(batching.perText(), "an all-zero mask lets attention see the padding: batch-dependent vectors");
    }

    @Test
    void anOnnxGraphRefusesAnInputListThatIsNotItsOwn(@TempDir Path dir) throws Exception {
        folder(dir, EncoderEngine.ONNX, "[\"input_ids\", \"attention_mask\"]");
        ProctorException e = assertThrows(ProctorException.class, () -> DjlTextEncoder.open(
                EncoderSpec.resolve("onnx:" + dir, Optional.empty(), Optional.empty()), 1024).close());
        assertTrue(e.getMessage().contains("declares inputs [input_ids, attention_mask, token_type_ids]"),
                e.getMessage());
    }

    @Test
    void anInputListNamingUnknownInputsIsAFormatError(@TempDir Path dir) throws Exception {
        folder(dir, EncoderEngine.TORCHSCRIPT, "[\"input_ids\", \"pixel_values\"]");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> EncoderSpec.resolve("torchscript:" + dir, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("encoder.json") && e.getMessage().contains("pixel_values"), e.getMessage());
    }

    /** The shipped natives are CPU builds and CI has no GPU: asking for one is an error, never a CPU fallback. */
    @Test
    void aGpuTheEngineCannotSeeIsAnErrorNotAFallback() {
        for (EncoderEngine engine : EncoderEngine.values()) {
            ProctorException e = assertThrows(ProctorException.class,
                    () -> DjlTextEncoder.open(spec(engine), 1024, "gpu").close());
            assertTrue(e.getMessage().contains("--device gpu asks for a GPU, but the " + engine.djlEngine()
                    + " engine sees none"), e.getMessage());
        }
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.TORCHSCRIPT), 1024, "cpu")) {
            assertTrue(encoder.info().engine().endsWith("(cpu)"), encoder.info().engine());
        }
    }

    @Test
    void aTorchScriptFolderNeedsOnePtFile(@TempDir Path dir) {
        ProctorException e = assertThrows(ProctorException.class,
                () -> EncoderSpec.resolve("torchscript:" + dir, Optional.of(Pooling.CLS), Optional.empty()));
        assertTrue(e.getMessage().contains("exactly one .pt file"), e.getMessage());
    }

    private static void folder(Path dir, EncoderEngine engine, String inputs) throws Exception {
        String model = "model" + engine.extension();
        Files.createSymbolicLink(dir.resolve(model), TINY.resolve(model).toAbsolutePath());
        Files.createSymbolicLink(dir.resolve("tokenizer.json"), TINY.resolve("tokenizer.json").toAbsolutePath());
        Files.writeString(dir.resolve(EncoderSpec.CONFIG_FILE), "{\"pooling\": \"mean\", \"inputs\": " + inputs + "}");
    }

    private static RetrievalOutcome dense(RetrievalDataset data, EncoderEngine engine, Path cache) {
        return Retrieval.run(data, RetrievalConfig.builder(RetrieverKind.DENSE).optEncoder(engine.prefix() + TINY)
                .build(), new EmbeddingCache(cache));
    }

    private static List<String> top(RetrievalOutcome outcome, String query) {
        return outcome.run().scores().get(query).entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(10).map(java.util.Map.Entry::getKey).toList();
    }

    private static double maxDelta(float[][] a, float[][] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int d = 0; d < a[i].length; d++) {
                worst = Math.max(worst, Math.abs(a[i][d] - b[i][d]));
            }
        }
        return worst;
    }
}
