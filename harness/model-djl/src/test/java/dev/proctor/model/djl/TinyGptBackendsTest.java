package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.model.ScoreQuery;
import dev.proctor.datafiles.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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

    private LanguageModel onnx;
    private LanguageModel torch;
    private int vocab;

    @BeforeAll
    void load() throws Exception {
        vocab = TinyGpt.config().get("vocab_size").intValue();
        onnx = new OnnxModelProvider().load(new ModelSpec("onnx", TinyGpt.dir(), "cpu"));
        torch = new TorchScriptModelProvider().load(new ModelSpec("torchscript", TinyGpt.dir(), "cpu"));
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

    private LanguageModel model(String scheme) {
        return scheme.equals("onnx") ? onnx : torch;
    }

    /** Log-likelihood style: every next token of the text; plus, at the last position, four letter ids. */
    private List<ScoreQuery> queries(LanguageModel model) {
        List<ScoreQuery> queries = new ArrayList<>();
        for (String text : TEXTS) {
            int[] tokens = model.encode(text);
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
        List<double[]> fromOnnx = onnx.score(queries);
        List<double[]> fromTorch = torch.score(queries);
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
        LanguageModel model = model(scheme);
        List<ScoreQuery> queries = queries(model);
        assertTrue(queries.stream().mapToInt(q -> q.tokens().length).distinct().count() > 2, "queries of different lengths");
        List<double[]> alone = queries.stream().map(q -> model.score(List.of(q)).get(0)).toList();
        List<double[]> together = model.score(queries);
        List<ScoreQuery> reversed = new ArrayList<>(queries);
        Collections.reverse(reversed);
        List<double[]> reversedTogether = new ArrayList<>(model.score(reversed));
        Collections.reverse(reversedTogether);
        double max = Math.max(maxDifference(alone, together), maxDifference(alone, reversedTogether));
        System.out.printf("%s: max |alone - batched| log-prob difference: %.3g%n", model.info().engine(), max);
        assertTrue(max <= TOLERANCE, model.info().engine() + ": batching changes scores by " + max);
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void logProbsOverTheWholeVocabularySumToOne(String scheme) {
        LanguageModel model = model(scheme);
        int[] tokens = model.encode("The answer is");
        int last = tokens.length - 1;
        int[] positions = new int[vocab];
        Arrays.fill(positions, last);
        int[] all = IntStream.range(0, vocab).toArray();
        double[] logProbs = model.score(List.of(new ScoreQuery(tokens, positions, all))).get(0);
        double sum = Arrays.stream(logProbs).map(Math::exp).sum();
        assertEquals(1.0, sum, 1e-5);
        // the same rows, asked position by position in a log-likelihood query, agree with the full-vocabulary query
        double[] first = model.score(List.of(new ScoreQuery(tokens, new int[] {last}, new int[] {7}))).get(0);
        assertEquals(logProbs[7], first[0], 1e-12);
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void infoDescribesTheModel(String scheme) throws Exception {
        LanguageModel model = model(scheme);
        ModelInfo info = model.info();
        assertEquals("tiny-gpt", info.name());
        assertEquals("cpu", info.device());
        assertEquals(TinyGpt.config().get("max_position_embeddings").intValue(), info.maxContextLength());
        String file = info.engine().startsWith("OnnxRuntime") ? "model.onnx" : "model.pt";
        assertEquals(Sha256.of(TinyGpt.dir().resolve(file)), info.modelSha256());
        assertEquals(Sha256.of(TinyGpt.dir().resolve("tokenizer.json")), info.tokenizerSha256());
        assertNotEquals(0, info.eosTokenId(), "tiny-gpt's tokenizer has <|endoftext|>");
        assertArrayEquals(new int[] {info.eosTokenId()}, model.encode("<|endoftext|>"));
    }

    @Test
    void enginesAreNamedWithTheirVersions() {
        assertTrue(onnx.info().engine().startsWith("OnnxRuntime "), onnx.info().engine());
        assertTrue(torch.info().engine().startsWith("PyTorch "), torch.info().engine());
        assertTrue(OrtRows.inPlace(), "ONNX Runtime logits rows should be read in place, not copied whole");
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void encodesAsciiAndChineseWithoutSpecialTokensOrTruncation(String scheme) {
        LanguageModel model = model(scheme);
        int eos = model.info().eosTokenId();
        for (String text : List.of("Hello, world!", "中文测试：北京是中国的首都。")) {
            int[] ids = model.encode(text);
            assertTrue(ids.length > 0, text);
            assertFalse(Arrays.stream(ids).anyMatch(id -> id == eos), "special tokens added to " + text);
        }
        String longText = "Proctor checks long inputs are not truncated. ".repeat(200);
        assertTrue(model.encode(longText).length > 1000, "a long text was truncated");
        assertEquals(model.encode("ab").length + model.encode(" cd").length, model.encode("ab cd").length);
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void misuseFailsWithAClearMessage(String scheme) {
        LanguageModel model = model(scheme);
        int context = model.info().maxContextLength();
        ScoreQuery tooLong = new ScoreQuery(new int[context + 1], new int[] {0}, new int[] {0});
        ProctorException e = assertThrows(ProctorException.class, () -> model.score(List.of(tooLong)));
        assertTrue(e.getMessage().contains("context of " + context), e.getMessage());

        ScoreQuery outside = new ScoreQuery(new int[] {1, 2}, new int[] {1}, new int[] {vocab});
        e = assertThrows(ProctorException.class, () -> model.score(List.of(outside)));
        assertTrue(e.getMessage().contains("vocabulary of " + vocab), e.getMessage());

        ScoreQuery nothingAsked = new ScoreQuery(new int[] {1, 2}, new int[0], new int[0]);
        assertEquals(0, model.score(List.of(nothingAsked)).get(0).length);
        assertTrue(model.score(List.of()).isEmpty());
    }

    @Test
    void aQueryAsLongAsTheContextScores() {
        int context = onnx.info().maxContextLength();
        int[] tokens = IntStream.range(0, context).map(i -> 65 + i % 26).toArray();
        ScoreQuery full = new ScoreQuery(tokens, new int[] {context - 1}, new int[] {65});
        double a = onnx.score(List.of(full)).get(0)[0];
        double b = torch.score(List.of(full)).get(0)[0];
        assertEquals(a, b, TOLERANCE);
    }
}
