package dev.proctor.tasks.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.request.Ranking;
import dev.proctor.core.evaluate.Evaluation;
import dev.proctor.core.report.RunReport;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.retrieval.metrics.TrecEval;
import dev.proctor.stats.Averaging;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retrieval on the one evaluation path: the retrieval task with every retriever as a model (BM25, the default
 * encoders bge-small-en / bge-small-zh encoded one text per call as they measure batch-dependent, and both hybrids)
 * on both bundled datasets, scored by proctor-retrieval's trec_eval conventions. The expected nDCG@10 values are the
 * ones the retrieval pipeline measured before it moved onto the evaluator (2-core x86-64, ONNX Runtime 1.23.2).
 */
class BundledSuiteEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    static String model(String retriever, String dataset) {
        String encoder = "embedded:" + (dataset.endsWith("zh") ? "bge-small-zh" : "bge-small-en");
        return switch (retriever) {
            case "bm25" -> "bm25";
            case "dense" -> encoder;
            default -> retriever + ":" + encoder + "+bm25";
        };
    }

    @ParameterizedTest(name = "{0} {1} nDCG@10 = {2}")
    @CsvSource({
            "everyday-en, bm25, 0.8723",
            "everyday-en, dense, 0.9803",
            "everyday-en, hybrid-rrf, 0.9450",
            "everyday-en, hybrid-interp, 0.9735",
            "everyday-zh, bm25, 0.8815",
            "everyday-zh, dense, 0.9901",
            "everyday-zh, hybrid-rrf, 0.9264",
            "everyday-zh, hybrid-interp, 0.9603",
    })
    void everyRetrieverScoresAsBefore(String dataset, String retriever, double expected) {
        Evaluation e = TestCaches.run(dataset, model(retriever, dataset), Map.of(), 8192,
                out.resolve(dataset + "-" + retriever));
        double ndcg = TestCaches.ndcg10(e);
        System.out.printf(Locale.ROOT, "%s %s nDCG@10 %.4f%n", dataset, retriever, ndcg);
        assertEquals(22, e.report().summary().task("retrieval").subjects().get(0).n());
        assertEquals(expected, ndcg, 5e-5);
    }

    /** The evaluator's mean over the queries is trec_eval's mean of the whole run, to the last bit. */
    @Test
    void theMeanOverItemsIsTrecEvalsMeanOfTheWholeRun() {
        Evaluation e = TestCaches.run("everyday-en", "bm25", Map.of(), 8192, out.resolve("exact"));
        Map<String, Map<String, Double>> run = new LinkedHashMap<>();
        var plan = e.report().plan();
        for (int i = 0; i < plan.items().size(); i++) {
            run.put(plan.items().get(i).item().id(), ((Ranking) e.report().outcome().responses().get(i).get(0))
                    .scores());
        }
        RetrievalDataset data = TestCaches.bundled("everyday-en");
        var whole = TrecEval.evaluate(new Qrels(data.qrels().judgments()), new Run(run), MetricOptions.defaults());
        var row = e.report().summary().task("retrieval").overall(Averaging.MICRO);
        for (String measure : List.of("ndcg_cut_10", "map_cut_100", "recall_100", "P_5", "recip_rank")) {
            assertEquals(whole.mean(measure), row.metric(measure).value(), 0.0, measure);
        }
    }

    @Test
    void theReportCarriesEveryMeasureWithItsIntervalAndTheMainScore() throws Exception {
        Path dir = out.resolve("report");
        TestCaches.run("everyday-en", "bm25", Map.of(), 8192, dir);
        JsonNode root = JSON.readTree(dir.resolve(RunReport.RESULTS).toFile());
        assertEquals("ndcg_cut_10", root.at("/tasks/0/mainMetric").asText());
        JsonNode subject = root.at("/results/subjects/0");
        assertEquals("everyday-en", subject.get("subject").asText());
        for (String m : List.of("ndcg_cut_10", "map_cut_10", "recall_10", "recip_rank", "success_1")) {
            JsonNode v = subject.at("/metrics/" + m);
            assertTrue(v.get("ci").get(0).asDouble() <= v.get("value").asDouble()
                    && v.get("value").asDouble() <= v.get("ci").get(1).asDouble() && v.get("stderr").asDouble() > 0,
                    m + " " + v);
        }
        assertEquals("bundled", root.at("/provenance/dataChecks/0/status").asText());
        assertEquals("everyday-en", root.at("/provenance/dataChecks/0/dataset").asText());
        assertEquals(4, root.at("/provenance/dataChecks/0/files").asInt(), "corpus, queries, qrels, dataset.json");
        JsonNode sample = JSON.readTree(Files.readAllLines(dir.resolve(RunReport.SAMPLES)).get(0));
        assertEquals("retrieve", sample.at("/requests/0/kind").asText());
        assertEquals(100, sample.at("/requests/0/topK").asInt());
        assertTrue(sample.at("/responses/0/hits").size() > 0);
        assertTrue(sample.get("gold").isObject(), "the query's judgments");
    }

    @Test
    void denseScoresDoNotDependOnTheBatchBudget() {
        Evaluation big = TestCaches.run("everyday-en", "embedded:bge-small-en", Map.of(), 8192, out.resolve("big"));
        Evaluation small = TestCaches.run("everyday-en", "embedded:bge-small-en", Map.of(), 60, out.resolve("small"));
        String note = big.report().outcome().notes().get("encoder batching bge-small-en");
        System.out.println("bge-small-en batching: " + note);
        assertTrue(note.startsWith("one text per call: 12 probe texts"), note);
        assertEquals(big.report().outcome().responses(), small.report().outcome().responses(), "the same rankings");
        assertEquals(TestCaches.ndcg10(big), TestCaches.ndcg10(small), 0.0);
        assertEquals(big.report().provenance().model().identity(), small.report().provenance().model().identity());

        Evaluation batched = TestCaches.run("everyday-en", "embedded:bge-small-en", Map.of("batching", "budget"), 8192,
                out.resolve("batched"));
        assertNotEquals(big.report().provenance().model().identity(), batched.report().provenance().model().identity(),
                "vectors that depend on the batch are another model's responses");
        System.out.printf(Locale.ROOT, "everyday-en dense nDCG@10: one text per call %.4f, batched (8192) %.4f%n",
                TestCaches.ndcg10(big), TestCaches.ndcg10(batched));
    }

    @Test
    void hnswOnTheBundledCorpusFindsWhatExactSearchFinds() {
        Evaluation exact = TestCaches.run("everyday-en", "embedded:bge-small-en", Map.of(), 8192, out.resolve("ex"));
        Evaluation hnsw = TestCaches.run("everyday-en", "embedded:bge-small-en", Map.of("search", "hnsw"), 8192,
                out.resolve("hnsw"));
        Map<String, String> notes = hnsw.report().outcome().notes();
        assertTrue(notes.get("dense search everyday-en").startsWith("hnsw"), notes.toString());
        assertTrue(notes.get("hnsw recall@10 everyday-en").startsWith("1.0000"), notes.toString());
        assertEquals(TestCaches.ndcg10(exact), TestCaches.ndcg10(hnsw), 0.0);
    }
}
