package dev.proctor.tasks.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.tasks.retrieval.eval.RunScoring;
import dev.proctor.tasks.retrieval.report.RetrievalJson;
import dev.proctor.tasks.retrieval.report.RetrievalReport;
import dev.proctor.tasks.retrieval.encode.EmbeddedEncoder;
import dev.proctor.tasks.retrieval.encode.EmbeddingCache;
import dev.proctor.tasks.retrieval.encode.EncodeStats;
import dev.proctor.tasks.retrieval.encode.EncoderInfo;
import dev.proctor.tasks.retrieval.encode.EncoderSpec;
import dev.proctor.tasks.retrieval.encode.DjlTextEncoder;
import dev.proctor.tasks.retrieval.encode.TextEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Table;

/**
 * Every retriever on both bundled datasets with the default encoders (bge-small-en / bge-small-zh, encoded one
 * text per call as --batching auto chooses for them), scored by proctor-retrieval. Floors sit below the nDCG@10
 * measured when they were set (2-core x86-64, ONNX Runtime 1.23.2): everyday-en bm25 0.8723, dense 0.9803,
 * hybrid-rrf 0.9450, hybrid-interp 0.9735; everyday-zh bm25 0.8815, dense 0.9901, hybrid-rrf 0.9264,
 * hybrid-interp 0.9603.
 */
class BundledSuiteEndToEndTest {
    @TempDir
    static Path embeddings;

    /** One open encoder per model for the whole class: loading costs about a second each. */
    static final Map<String, DjlTextEncoder> OPEN = new HashMap<>();

    static TextEncoder shared(EncoderSpec spec, int budget) {
        DjlTextEncoder encoder = OPEN.computeIfAbsent(spec.config().name() + "@" + budget, k -> DjlTextEncoder.open(
                TestCaches.encoder(embedded(spec.config().name())), budget));
        return new TextEncoder() {
            @Override
            public EncoderInfo info() {
                return encoder.info();
            }

            @Override
            public float[][] encode(List<String> texts) {
                return encoder.encode(texts);
            }

            @Override
            public float[][] encodeTogether(List<String> texts) {
                return encoder.encodeTogether(texts);
            }

            @Override
            public EncodeStats stats() {
                return encoder.stats();
            }

            @Override
            public void close() {
                // closed once, after all tests
            }
        };
    }

    static EmbeddedEncoder embedded(String modelName) {
        for (EmbeddedEncoder e : EmbeddedEncoder.values()) {
            if (e.config().name().equals(modelName)) {
                return e;
            }
        }
        throw new IllegalArgumentException(modelName);
    }

    @AfterAll
    static void closeEncoders() {
        OPEN.values().forEach(DjlTextEncoder::close);
    }

    static RetrievalOutcome run(String dataset, RetrievalConfig config) {
        return Retrieval.run(TestCaches.bundled(dataset), config, new EmbeddingCache(embeddings),
                BundledSuiteEndToEndTest::shared);
    }

    @ParameterizedTest(name = "{0} {1} nDCG@10 > {2}")
    @CsvSource({
            "everyday-en, bm25, 0.80",
            "everyday-en, dense, 0.90",
            "everyday-en, hybrid-rrf, 0.85",
            "everyday-en, hybrid-interp, 0.85",
            "everyday-zh, bm25, 0.80",
            "everyday-zh, dense, 0.90",
            "everyday-zh, hybrid-rrf, 0.85",
            "everyday-zh, hybrid-interp, 0.85",
    })
    void scoresAboveTheFloor(String dataset, String retriever, double floor) {
        RetrievalOutcome out = run(dataset, RetrievalConfig.builder(RetrieverKind.of(retriever)).build());
        System.out.printf(Locale.ROOT, "%s %s nDCG@10 %.4f, recall@100 %.4f, recip_rank %.4f%n", dataset, retriever,
                out.mainScore(), out.evaluation().mean("recall_100"), out.evaluation().mean("recip_rank"));
        assertEquals(22, out.evaluation().numQueries());
        assertTrue(out.mainScore() > floor, "nDCG@10 " + out.mainScore());
    }

    @Test
    void theReportCarriesPerQueryBootstrapIntervals(@TempDir Path dir) throws Exception {
        RetrievalOutcome out = run("everyday-en", RetrievalConfig.builder(RetrieverKind.BM25).build());
        RetrievalReport.write(out, dir, RetrievalReport.reportId(out, BootstrapConfig.defaults()), List.of("retrieve", "--dataset",
                "bundled:everyday-en", "--retriever", "bm25"));

        Table summary = Table.read().csv(dir.resolve(RetrievalReport.SUMMARY_CSV).toFile());
        for (String c : List.of("mean", "bootstrap_se", "ci_low", "ci_high", "ci_level", "bootstrap_resamples",
                "bootstrap_seed")) {
            assertTrue(summary.columnNames().contains(c), c + " in " + summary.columnNames());
        }
        for (String m : List.of("ndcg_cut_10", "map_cut_10", "recall_10", "recip_rank")) {
            Table row = summary.where(summary.stringColumn("measure").isEqualTo(m));
            assertEquals(1, row.rowCount(), m);
            double mean = row.doubleColumn("mean").get(0);
            double low = row.doubleColumn("ci_low").get(0);
            double high = row.doubleColumn("ci_high").get(0);
            assertTrue(low <= mean && mean <= high && low < high, m + ": " + low + " " + mean + " " + high);
            assertTrue(row.doubleColumn("bootstrap_se").get(0) > 0, m);
            assertEquals(10_000, ((Number) row.column("bootstrap_resamples").get(0)).intValue());
            assertEquals(BootstrapConfig.DEFAULT_SEED, ((Number) row.column("bootstrap_seed").get(0)).longValue());
        }
        assertEquals(RunScoring.MAIN_MEASURE, summary.stringColumn("measure").get(0));

        String md = Files.readString(dir.resolve(RetrievalReport.SUMMARY_MD));
        assertTrue(md.contains("| bootstrap_se | ci_low | ci_high |"), md);
        assertTrue(md.contains("95% CI ["), md);
        assertTrue(md.contains("B = 10000 resamples, seed 1234"), md);
        assertTrue(md.contains("Well19937c"), md);

        JsonNode json = RetrievalJson.MAPPER.readTree(dir.resolve(RetrievalReport.RESULTS).toFile());
        JsonNode boot = json.path("bootstrap");
        assertEquals(10_000, boot.path("B").asInt());
        assertEquals(BootstrapConfig.DEFAULT_SEED, boot.path("seed").asLong());
        assertEquals(BootstrapConfig.RNG, boot.path("rng").asText());
        assertEquals(95.0, boot.path("confidence_percent").asDouble());
        assertEquals(22, boot.path("queries").asInt());
        for (String m : List.of("ndcg_cut_10", "map_cut_10", "recall_10", "recip_rank")) {
            JsonNode node = boot.path("measures").path(m);
            assertEquals(out.evaluation().mean(m), node.path("mean").asDouble(), 0.0, m);
            assertTrue(node.path("ci_low").isDouble() && node.path("ci_high").isDouble()
                    && node.path("bootstrap_se").isDouble(), m + " " + node);
            assertEquals(2, node.path("bootstrap").path("ci95_percentile_linear").size(), m + " " + node);
        }
        JsonNode main = json.path("mainScore");
        assertTrue(main.path("ci_low").asDouble() <= main.path("value").asDouble()
                && main.path("value").asDouble() <= main.path("ci_high").asDouble(), main.toString());
        System.out.printf(Locale.ROOT, "everyday-en bm25 %s%n", md.lines().filter(l -> l.startsWith("| ")
                && l.contains("ndcg_cut_10")).findFirst().orElse(""));
    }

    @Test
    void theDefaultScoresDoNotDependOnTheBatchBudget() {
        RetrievalOutcome big = run("everyday-en", RetrievalConfig.builder(RetrieverKind.DENSE).optBatchTokens(8192)
                .build());
        // 60 tokens: most passages would run alone under the budget, so the probe must batch them itself
        RetrievalOutcome small = run("everyday-en", RetrievalConfig.builder(RetrieverKind.DENSE).optBatchTokens(60)
                .build());
        DenseReport a = big.dense().orElseThrow();
        DenseReport b = small.dense().orElseThrow();
        System.out.printf(Locale.ROOT, "bge-small-en, --batching auto: %s%n", a.batching().describe());
        assertTrue(a.batching().perText() && b.batching().perText(), "the quantised encoder is batch-dependent");
        assertTrue(a.batching().measurement().orElseThrow().maxDelta() > 1e-3, a.batching().describe());
        assertEquals(12, a.batching().measurement().orElseThrow().probes(), "8 passages and 4 queries");
        assertEquals(1, a.encoder().batchTokens());
        assertEquals(a.cacheKey(), b.cacheKey(), "one text per call whatever the budget: the same vectors");
        assertEquals(big.mainScore(), small.mainScore(), 0.0);
        assertEquals(big.run(), small.run());

        RetrievalOutcome batched = run("everyday-en", RetrievalConfig.builder(RetrieverKind.DENSE)
                .optBatching(dev.proctor.tasks.retrieval.encode.EncoderBatching.BUDGET).build());
        DenseReport c = batched.dense().orElseThrow();
        assertEquals(8192, c.encoder().batchTokens(), "--batching budget keeps the budget");
        assertTrue(!c.batching().perText() && c.batching().measurement().isEmpty());
        System.out.printf(Locale.ROOT, "everyday-en dense nDCG@10: one text per call %.4f, batched (8192) %.4f%n",
                big.mainScore(), batched.mainScore());
    }

    @Test
    void hnswOnTheBundledCorpusFindsWhatExactSearchFinds() {
        RetrievalOutcome exact = run("everyday-en", RetrievalConfig.builder(RetrieverKind.DENSE).build());
        RetrievalOutcome hnsw = run("everyday-en", RetrievalConfig.builder(RetrieverKind.DENSE)
                .optSearch(SearchMode.HNSW).build());
        DenseReport report = hnsw.dense().orElseThrow();
        assertTrue(report.searcher().startsWith("hnsw"), report.searcher());
        assertEquals(1.0, report.hnswRecallAt10().orElseThrow(), 1e-12, "50 documents: the graph is exhaustive");
        assertTrue(report.cacheHit(), "the second dense run on the same corpus reads the embedding cache");
        assertEquals(0, report.corpusEncoding().forwardCalls());
        assertEquals(exact.mainScore(), hnsw.mainScore(), 0.0);
        assertTrue(exact.dense().orElseThrow().hnswRecallAt10().isEmpty(), "exact search reports no HNSW recall");
    }
}
