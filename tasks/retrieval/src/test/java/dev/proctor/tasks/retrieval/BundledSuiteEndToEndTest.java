package dev.proctor.tasks.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import dev.proctor.tasks.retrieval.encode.EmbeddedEncoder;
import dev.proctor.tasks.retrieval.encode.EmbeddingCache;
import dev.proctor.tasks.retrieval.encode.EncodeStats;
import dev.proctor.tasks.retrieval.encode.EncoderInfo;
import dev.proctor.tasks.retrieval.encode.EncoderSpec;
import dev.proctor.tasks.retrieval.encode.OnnxTextEncoder;
import dev.proctor.tasks.retrieval.encode.TextEncoder;
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

/**
 * Every retriever on both bundled datasets with the default encoders (bge-small-en / bge-small-zh), scored by
 * proctor-retrieval. Floors sit below the nDCG@10 measured when they were set (2-core x86-64, ONNX Runtime
 * 1.23.2): everyday-en bm25 0.8723, dense 0.9836, hybrid-rrf 0.9409, hybrid-interp 0.9708; everyday-zh bm25
 * 0.8815, dense 0.9878, hybrid-rrf 0.9348, hybrid-interp 0.9603.
 */
class BundledSuiteEndToEndTest {
    @TempDir
    static Path embeddings;

    /** One open encoder per model for the whole class: loading costs about a second each. */
    static final Map<String, OnnxTextEncoder> OPEN = new HashMap<>();

    static TextEncoder shared(EncoderSpec spec, int budget) {
        OnnxTextEncoder encoder = OPEN.computeIfAbsent(spec.config().name() + "@" + budget, k -> OnnxTextEncoder.open(
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
        OPEN.values().forEach(OnnxTextEncoder::close);
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
