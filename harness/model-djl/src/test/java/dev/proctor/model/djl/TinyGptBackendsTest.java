package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.DirectExecution;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.RequestKind;
import dev.proctor.datafiles.Sha256;
import dev.proctor.lm.CausalLm;
import dev.proctor.lm.CausalLmModel;
import dev.proctor.lm.ScoreQuery;
import dev.proctor.lm.TargetScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both backends on the embedded tiny-gpt: agreement, batch invariance, proper distributions, provenance. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TinyGptBackendsTest {
    private static final double TOLERANCE = 1e-4;
    private static final List<String> TEXTS = List.of(
            "The capital of France is Paris.",
            "Q: 2 + 2 = ?\nA:",
            "中华人民共和国的首都是北京。",
            "Answer with A, B, C or D. The answer is",
            "x");

    private CausalLm onnx;
    private CausalLm torch;
    private int vocab;

    @BeforeAll
    void load() throws Exception {
        vocab = TinyGpt.config().get("vocab_size").intValue();
        onnx = OnnxCausalLm.load(new ModelSpec("onnx", TinyGpt.dir().toString(), "cpu", Map.of()));
        torch = TorchScriptCausalLm.load(new ModelSpec("torchscript", TinyGpt.dir().toString(), "cpu", Map.of()));
    }

    @AfterAll
    void close() {
        if (onnx != null) {
            onnx.close();
        }
        if (torch != null) {
            torch.close();
        }
    }

    static Stream<String> schemes() {
        return Stream.of("onnx", "torchscript");
    }

    private CausalLm model(String scheme) {
        return scheme.equals("onnx") ? onnx : torch;
    }

    /** Log-likelihood style: every next token of the text; plus, at the last position, four letter ids. */
    private List<ScoreQuery> queries(CausalLm model) {
        List<ScoreQuery> queries = new ArrayList<>();
        for (String text : TEXTS) {
            int[] tokens = model.tokenizer().encode(text);
            if (tokens.length > 1) {
                int[] positions = IntStream.range(0, tokens.length - 1).toArray();
                int[] targets = Arrays.copyOfRange(tokens, 1, tokens.length);
                queries.add(new ScoreQuery(tokens, positions, targets));
            }
            int last = tokens.length - 1;
            queries.add(new ScoreQuery(tokens, new int[] {last, last, last, last}, new int[] {65, 66, 67, 68}));
        }
        return queries;
    }

    /** The log-probabilities of scored queries. */
    private static List<double[]> lp(List<TargetScores> scores) {
        return scores.stream().map(TargetScores::logProbs).toList();
    }

    private static double maxDifference(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).length, b.get(i).length);
            for (int j = 0; j < a.get(i).length; j++) {
                max = Math.max(max, Math.abs(a.get(i)[j] - b.get(i)[j]));
            }
        }
        return max;
    }

    @Test
    void bothBackendsTokenizeAlikeAndGiveTheSameLogProbs() {
        List<ScoreQuery> queries = queries(onnx);
        assertEquals(queries(torch).stream().map(q -> Arrays.toString(q.tokens())).toList(),
                queries.stream().map(q -> Arrays.toString(q.tokens())).toList());
        List<double[]> fromOnnx = lp(onnx.score(queries));
        List<double[]> fromTorch = lp(torch.score(queries));
        double max = maxDifference(fromOnnx, fromTorch);
        System.out.printf("max |onnx - torchscript| log-prob difference: %.3g over %d queries%n", max, queries.size());
        assertTrue(max <= TOLERANCE, "ONNX and TorchScript differ by " + max);
        for (double[] values : fromOnnx) {
            for (double v : values) {
                assertTrue(v < 0 && v > -100, "log-prob " + v + " is not a plausible log-probability");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void scoresDoNotDependOnTheRestOfThePaddedBatch(String scheme) {
        CausalLm model = model(scheme);
        List<ScoreQuery> queries = queries(model);
        assertTrue(queries.stream().mapToInt(q -> q.tokens().length).distinct().count() > 2, "queries of different lengths");
        List<double[]> alone = queries.stream().map(q -> model.score(List.of(q)).get(0).logProbs()).toList();
        List<double[]> together = lp(model.score(queries));
        List<ScoreQuery> reversed = new ArrayList<>(queries);
        Collections.reverse(reversed);
        List<double[]> reversedTogether = new ArrayList<>(lp(model.score(reversed)));
        Collections.reverse(reversedTogether);
        double max = Math.max(maxDifference(alone, together), maxDifference(alone, reversedTogether));
        System.out.printf("%s: max |alone - batched| log-prob difference: %.3g%n", model.info().engine(), max);
        assertTrue(max <= TOLERANCE, model.info().engine() + ": batching changes scores by " + max);
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void logProbsOverTheWholeVocabularySumToOne(String scheme) {
        CausalLm model = model(scheme);
        int[] tokens = model.tokenizer().encode("The answer is");
        int last = tokens.length - 1;
        int[] positions = new int[vocab];
        Arrays.fill(positions, last);
        int[] all = IntStream.range(0, vocab).toArray();
        TargetScores full = model.score(List.of(new ScoreQuery(tokens, positions, all))).get(0);
        double[] logProbs = full.logProbs();
        double sum = Arrays.stream(logProbs).map(Math::exp).sum();
        assertEquals(1.0, sum, 1e-5);
        // the same rows, asked position by position in a log-likelihood query, agree with the full-vocabulary query
        double[] first = model.score(List.of(new ScoreQuery(tokens, new int[] {last}, new int[] {7}))).get(0).logProbs();
        assertEquals(logProbs[7], first[0], 1e-12);
        int best = 0;
        for (int v = 1; v < vocab; v++) {
            best = logProbs[v] > logProbs[best] ? v : best;
        }
        for (int v = 0; v < vocab; v++) {
            assertEquals(v == best, full.greedy()[v], "greedy marks exactly the most likely token");
        }
        assertEquals(best, model.nextTokens(List.of(tokens))[0], "the next token is the most likely one");
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void infoDescribesTheModel(String scheme) throws Exception {
        CausalLm model = model(scheme);
        ModelInfo info = model.info();
        assertEquals("tiny-gpt", info.name());
        assertEquals("causal LM", info.kind());
        assertEquals("cpu", info.device());
        assertEquals(TinyGpt.config().get("max_position_embeddings").intValue(), model.tokenizer().maxContextLength());
        assertEquals(model.tokenizer().maxContextLength(), info.identity().get("maxContextLength"));
        String file = info.engine().contains("OnnxRuntime") ? "model.onnx" : "model.pt";
        assertEquals(Sha256.of(TinyGpt.dir().resolve(file)), info.identity().get("modelSha256"));
        assertEquals(Sha256.of(TinyGpt.dir().resolve("tokenizer.json")), info.identity().get("tokenizerSha256"));
        int eos = model.tokenizer().eosTokenId();
        assertNotEquals(0, eos, "tiny-gpt's tokenizer has <|endoftext|>");
        assertArrayEquals(new int[] {eos}, model.tokenizer().encode("<|endoftext|>"));
        assertEquals("none", info.identity().get("bosAdded"), "a GPT-2-style tokenizer adds no BOS");
        assertEquals("none added by tokenizer.json", info.identity().get("bosFrom"));
        assertEquals("config.json max_position_embeddings", info.identity().get("maxContextLengthFrom"));
    }

    @Test
    void enginesAreNamedWithTheirVersions() {
        assertTrue(onnx.info().engine().matches("DJL \\S+ OnnxRuntime engine, ONNX Runtime "
                + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion()), onnx.info().engine());
        assertTrue(torch.info().engine().matches("DJL \\S+ PyTorch engine, PyTorch \\S+"), torch.info().engine());
        assertTrue(OrtRows.inPlace(), "ONNX Runtime logits rows should be read in place, not copied whole");
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void encodesAsciiAndChineseWithoutSpecialTokensOrTruncation(String scheme) {
        CausalLm model = model(scheme);
        int eos = model.tokenizer().eosTokenId();
        for (String text : List.of("Hello, world!", "中文测试：北京是中国的首都。")) {
            int[] ids = model.tokenizer().encode(text);
            assertTrue(ids.length > 0, text);
            assertFalse(Arrays.stream(ids).anyMatch(id -> id == eos), "special tokens added to " + text);
        }
        String longText = "Proctor checks long inputs are not truncated. ".repeat(200);
        assertTrue(model.tokenizer().encode(longText).length > 1000, "a long text was truncated");
        assertEquals(model.tokenizer().encode("ab").length + model.tokenizer().encode(" cd").length, model.tokenizer().encode("ab cd").length);
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void misuseFailsWithAClearMessage(String scheme) {
        CausalLm model = model(scheme);
        int context = model.tokenizer().maxContextLength();
        ScoreQuery tooLong = new ScoreQuery(new int[context + 1], new int[] {0}, new int[] {0});
        ProctorException e = assertThrows(ProctorException.class, () -> model.score(List.of(tooLong)));
        assertTrue(e.getMessage().contains("context of " + context), e.getMessage());

        ScoreQuery outside = new ScoreQuery(new int[] {1, 2}, new int[] {1}, new int[] {vocab});
        e = assertThrows(ProctorException.class, () -> model.score(List.of(outside)));
        assertTrue(e.getMessage().contains("vocabulary of " + vocab), e.getMessage());

        ScoreQuery nothingAsked = new ScoreQuery(new int[] {1, 2}, new int[0], new int[0]);
        assertEquals(0, model.score(List.of(nothingAsked)).get(0).logProbs().length);
        assertTrue(model.score(List.of()).isEmpty());
    }

    @Test
    void aQueryAsLongAsTheContextScores() {
        int context = onnx.tokenizer().maxContextLength();
        int[] tokens = IntStream.range(0, context).map(i -> 65 + i % 26).toArray();
        ScoreQuery full = new ScoreQuery(tokens, new int[] {context - 1}, new int[] {65});
        double a = onnx.score(List.of(full)).get(0).logProbs()[0];
        double b = torch.score(List.of(full)).get(0).logProbs()[0];
        assertEquals(a, b, TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void theNextTokenDoesNotDependOnTheLeftPaddedBatch(String scheme) {
        CausalLm model = model(scheme);
        List<int[]> sequences = TEXTS.stream().map(t -> model.tokenizer().encode(t)).toList();
        int[] together = model.nextTokens(sequences);
        for (int i = 0; i < sequences.size(); i++) {
            assertEquals(model.nextTokens(List.of(sequences.get(i)))[0], together[i], TEXTS.get(i));
        }
        assertArrayEquals(together, onnx.nextTokens(sequences), "both backends pick the same tokens");
    }

    @Test
    void greedyGenerationIsTheSameOnBothBackendsAndWhateverTheBatch() {
        List<GenerateRequest> requests = TEXTS.stream().map(t -> new GenerateRequest(t, List.of("\n"), 6)).toList();
        List<Generation> onnxBig = generate(onnx, requests, 8192);
        assertEquals(onnxBig, generate(onnx, requests, 1), "one sequence per call gives the same text");
        assertEquals(onnxBig, generate(torch, requests, 8192), "TorchScript gives the same text");
        assertTrue(onnxBig.stream().anyMatch(g -> !g.text().isEmpty()), onnxBig.toString());
    }

    private static List<Generation> generate(CausalLm lm, List<GenerateRequest> requests, int budget) {
        return DirectExecution.run(new CausalLmModel(lm), RequestKind.GENERATE, requests, budget).responses();
    }

}
