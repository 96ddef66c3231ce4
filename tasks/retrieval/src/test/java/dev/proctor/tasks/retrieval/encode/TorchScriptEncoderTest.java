package dev.proctor.tasks.retrieval.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.api.request.Ranking;
import dev.proctor.core.evaluate.Evaluation;
import dev.proctor.model.djl.encoder.DjlTextEncoder;
import dev.proctor.model.djl.encoder.EncoderEngine;
import dev.proctor.model.djl.encoder.EncoderSpec;
import dev.proctor.model.djl.encoder.PaddedInputs;
import dev.proctor.model.djl.encoder.Pooling;
import dev.proctor.tasks.retrieval.TestCaches;
import dev.proctor.tasks.retrieval.data.Document;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --model torchscript-encoder:DIR} on the tiny test encoder that {@code python/make_test_encoder.py} exports twice
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
        return EncoderSpec.folder(engine, TINY, Optional.empty(), Optional.empty());
    }

    @Test
    void bothEnginesReproduceEagerPyTorch() throws Exception {
        JsonNode reference = new ObjectMapper().readTree(TINY.resolve("reference.json").toFile()).path("texts");
        assertEquals(4, reference.size());
        for (EncoderEngine engine : EncoderEngine.values()) {
            try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(engine))) {
                List<String> texts = new ArrayList<>();
                reference.forEach(r -> texts.add(r.path("text").asText()));
                float[][] vectors = TestCaches.encode(encoder, texts, 1024, new int[1]);
                double worst = 0;
                for (int i = 0; i < texts.size(); i++) {
                    JsonNode r = reference.get(i);
                    PaddedInputs alone = encoder.plan(List.of(texts.get(i)), 1024).get(0);
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
    void theEncoderBatchesLongestFirstUnderTheBudget() {
        List<String> texts = List.of("bread", "how long should coffee steep in a french press", "tea",
                "why do you need to knead bread dough every single morning", "rain");
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.ONNX))) {
            List<PaddedInputs> plan = encoder.plan(texts, 24);
            assertEquals(3, plan.get(0).indices()[0], "the longest text leads");
            int previous = Integer.MAX_VALUE;
            for (PaddedInputs batch : plan) {
                assertTrue(batch.batchSize() == 1 || batch.batchSize() * batch.length() <= 24,
                        batch.batchSize() + " x " + batch.length());
                assertTrue(batch.length() <= previous, "longest first");
                previous = batch.length();
            }
            assertEquals(texts.size(), plan.stream().mapToInt(PaddedInputs::batchSize).sum());
            assertTrue(plan.size() > 1 && plan.size() < texts.size(), plan.size() + " batches");
        }
    }

    @Test
    void torchScriptRecordsItsEngineAndPositionalInputs() {
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.TORCHSCRIPT))) {
            assertTrue(encoder.engine().contains("PyTorch engine, PyTorch 2."), encoder.engine());
            assertEquals(TINY_INPUTS, encoder.inputs(), "the order encoder.json gives");
            assertEquals(TINY_INPUTS, encoder.identity().get("inputs"));
            assertEquals(32, encoder.identity().get("dimension"));
            assertEquals(Pooling.MEAN, encoder.config().pooling());
            assertEquals("tiny-idf-encoder", encoder.config().name());
            assertTrue(encoder.identity().get("modelSha256").toString().matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void enginesAgreeOnTheBundledCorporaAtAnyBatchBudget() {
        List<String> passages = new ArrayList<>();
        for (String name : List.of("everyday-en", "everyday-zh")) {
            TestCaches.bundled(name).corpus().stream().map(Document::contents).forEach(passages::add);
        }
        float[][] onnx;
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.ONNX))) {
            onnx = TestCaches.encode(encoder, passages, 8192, new int[1]);
        }
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.TORCHSCRIPT))) {
            float[][] batched = TestCaches.encode(encoder, passages, 8192, new int[1]);
            int[] calls = {0};
            float[][] small = TestCaches.encode(encoder, passages, 64, calls);
            assertTrue(calls[0] > passages.size() / 2, "budget 64 runs nearly one text a call");
            double engines = maxDelta(onnx, batched);
            double budgets = maxDelta(batched, small);
            System.out.printf(Locale.ROOT, "%d passages: ONNX vs TorchScript %.2e, TorchScript budget 8192 vs 64 %.2e%n",
                    passages.size(), engines, budgets);
            assertTrue(engines <= TOLERANCE, "engines differ by " + engines);
            assertTrue(budgets <= TOLERANCE, "batch budgets differ by " + budgets);
        }
    }

    @Test
    void aDenseRunThroughTorchScriptEqualsTheOnnxRun(@TempDir Path out) {
        Evaluation torch = TestCaches.run("everyday-en", "torchscript-encoder:" + TINY, Map.of(), 8192, out.resolve("t"));
        Evaluation onnx = TestCaches.run("everyday-en", "onnx-encoder:" + TINY, Map.of(), 8192, out.resolve("o"));
        Evaluation bm25 = TestCaches.run("everyday-en", "bm25", Map.of(), 8192, out.resolve("b"));
        System.out.printf(Locale.ROOT, "tiny encoder on everyday-en: nDCG@10 torchscript %.4f, onnx %.4f (bm25 %.4f)%n",
                TestCaches.ndcg10(torch), TestCaches.ndcg10(onnx), TestCaches.ndcg10(bm25));
        assertEquals(TestCaches.ndcg10(onnx), TestCaches.ndcg10(torch), 1e-9);
        for (int q = 0; q < 22; q++) {
            assertEquals(top(onnx, q), top(torch, q), "top 10 of query " + q);
        }
        assertTrue(TestCaches.ndcg10(torch) > 0.3, "an IDF-weighted bag of words finds relevant passages");
        assertTrue(torch.report().provenance().model().engine().contains("PyTorch"));
        String batching = torch.report().outcome().notes().get("encoder batching tiny-encoder");
        assertTrue(batching.startsWith("batched under the run's budget (measured batch-invariant)"), "float32 and"
                + " masked: batch-invariant, so batching=auto keeps the budget: " + batching);
        assertNotEquals(torch.report().provenance().model().identity(), onnx.report().provenance().model().identity(),
                "different model files: different responses in the store");
    }

    @Test
    void tooFewPositionalInputsFailWithAHint(@TempDir Path dir) throws Exception {
        folder(dir, EncoderEngine.TORCHSCRIPT, "[\"input_ids\", \"attention_mask\"]");
        ProctorException e = assertThrows(ProctorException.class, () -> DjlTextEncoder.open(
                EncoderSpec.folder(EncoderEngine.TORCHSCRIPT, dir, Optional.empty(), Optional.empty())).close());
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
        EncoderSpec swapped = EncoderSpec.folder(EncoderEngine.TORCHSCRIPT, dir, Optional.empty(), Optional.empty());
        assertEquals(List.of("input_ids", "token_type_ids", "attention_mask"), swapped.config().inputs());
        List<String> texts = List.of("why do you need to knead bread dough", "how long should coffee steep");
        float[][] right;
        float[][] wrong;
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.TORCHSCRIPT))) {
            right = encoder.encodeTogether(texts);
        }
        try (DjlTextEncoder encoder = DjlTextEncoder.open(swapped)) {
            assertEquals(List.of("input_ids", "token_type_ids", "attention_mask"), encoder.inputs());
            wrong = encoder.encodeTogether(texts);
        }
        assertTrue(maxDelta(right, wrong) > 1e-3, "swapped inputs must change the vectors: " + maxDelta(right, wrong));
        Evaluation out = TestCaches.run("everyday-en", "torchscript-encoder:" + dir, Map.of(), 8192, dir.resolve("out"));
        String batching = out.report().outcome().notes().values().stream().filter(n -> n.contains("probe texts"))
                .findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "tiny encoder, attention_mask and token_type_ids swapped: nDCG@10 %.4f, %s%n",
                TestCaches.ndcg10(out), batching);
        assertTrue(batching.startsWith("one text per call"), "an all-zero mask lets attention see the padding:"
                + " batch-dependent vectors, " + batching);
    }

    @Test
    void anOnnxGraphRefusesAnInputListThatIsNotItsOwn(@TempDir Path dir) throws Exception {
        folder(dir, EncoderEngine.ONNX, "[\"input_ids\", \"attention_mask\"]");
        ProctorException e = assertThrows(ProctorException.class, () -> DjlTextEncoder.open(
                EncoderSpec.folder(EncoderEngine.ONNX, dir, Optional.empty(), Optional.empty())).close());
        assertTrue(e.getMessage().contains("declares inputs [input_ids, attention_mask, token_type_ids]"),
                e.getMessage());
    }

    @Test
    void anInputListNamingUnknownInputsIsAFormatError(@TempDir Path dir) throws Exception {
        folder(dir, EncoderEngine.TORCHSCRIPT, "[\"input_ids\", \"pixel_values\"]");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> EncoderSpec.folder(EncoderEngine.TORCHSCRIPT, dir, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("encoder.json") && e.getMessage().contains("pixel_values"), e.getMessage());
    }

    /** The shipped natives are CPU builds and CI has no GPU: asking for one is an error, never a CPU fallback. */
    @Test
    void aGpuTheEngineCannotSeeIsAnErrorNotAFallback() {
        for (EncoderEngine engine : EncoderEngine.values()) {
            ProctorException e = assertThrows(ProctorException.class,
                    () -> DjlTextEncoder.open(spec(engine), "gpu").close());
            assertTrue(e.getMessage().contains("--device gpu asks for a GPU, but the " + engine.djlEngine()
                    + " engine sees none"), e.getMessage());
        }
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec(EncoderEngine.TORCHSCRIPT), "cpu")) {
            assertEquals("cpu", encoder.device());
        }
    }

    @Test
    void aTorchScriptFolderNeedsOnePtFile(@TempDir Path dir) {
        ProctorException e = assertThrows(ProctorException.class,
                () -> EncoderSpec.folder(EncoderEngine.TORCHSCRIPT, dir, Optional.of(Pooling.CLS), Optional.empty()));
        assertTrue(e.getMessage().contains("exactly one .pt file"), e.getMessage());
    }

    private static void folder(Path dir, EncoderEngine engine, String inputs) throws Exception {
        String model = "model" + engine.extension();
        Files.createSymbolicLink(dir.resolve(model), TINY.resolve(model).toAbsolutePath());
        Files.createSymbolicLink(dir.resolve("tokenizer.json"), TINY.resolve("tokenizer.json").toAbsolutePath());
        Files.writeString(dir.resolve(EncoderSpec.CONFIG_FILE), "{\"pooling\": \"mean\", \"inputs\": " + inputs + "}");
    }

    /** The top 10 of query {@code q}, as the run's samples give it. */
    private static List<String> top(Evaluation e, int q) {
        return ((Ranking) e.report().outcome().responses().get(q).get(0)).hits().stream().limit(10)
                .map(Ranking.Hit::docId).toList();
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
