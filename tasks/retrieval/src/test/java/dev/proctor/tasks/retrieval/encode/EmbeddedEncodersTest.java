package dev.proctor.tasks.retrieval.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.model.djl.encoder.DjlTextEncoder;
import dev.proctor.model.djl.encoder.EmbeddedEncoder;
import dev.proctor.model.search.vector.Vectors;
import dev.proctor.tasks.retrieval.TestCaches;
import dev.proctor.tasks.retrieval.data.Document;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three real encoders, loaded from their jars with DJL: unit-length vectors of the published size, a query
 * nearer its answer than an unrelated passage, and the batch dependence of the int8-quantised graphs measured
 * on the bundled corpus: every passage encoded alone versus in token-budget batches.
 */
class EmbeddedEncodersTest {

    /** Passages encoded alone and compared with their batched vectors. */
    static final int SAMPLE = 20;

    /**
     * Observed on the first 20 bundled passages, batched under 4096 tokens vs one per call (2-core x86-64, ONNX
     * Runtime 1.23.2): max |delta| per element 0.0170 (bge-small-en), 0.0198 (bge-small-zh), 0.0258 (MiniLM); min
     * cosine 0.9961, 0.9934, 0.9906. Over all 50/48 passages: 0.0195, 0.0198, 0.0258 and 0.9932, 0.9934, 0.9906.
     * The bounds asserted leave a little room for other CPUs' kernels.
     */
    static final double MAX_ELEMENT_DIFF = 0.03;
    static final double MIN_COSINE = 0.985;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "BGE_SMALL_EN, 384, everyday-en, how do bees tell each other where flowers are, en-d21, en-d31",
            "BGE_SMALL_ZH, 512, everyday-zh, 大熊猫吃什么, zh-d13, zh-d32",
            "MINILM, 384, everyday-en, what causes thunder, en-d19, en-d41",
    })
    void encodesUnitVectorsThatRankTheAnswerFirstAndMeasuresBatchDependence(EmbeddedEncoder embedded, int dimension,
                                                                          String dataset, String query, String relevant,
                                                                          String unrelated) {
        RetrievalDataset data = TestCaches.bundled(dataset);
        List<String> passages = data.corpus().stream().map(Document::contents).toList();
        try (DjlTextEncoder encoder = DjlTextEncoder.open(TestCaches.encoder(embedded))) {
            assertEquals(dimension, encoder.identity().get("dimension"));
            float[] q = encoder.encodeTogether(List.of(embedded.config().queryText(query)))[0];
            int[] calls = {0};
            float[][] docs = TestCaches.encode(encoder, passages, 4096, calls);
            long batchedCalls = calls[0];
            for (float[] v : docs) {
                assertEquals(1.0, Vectors.norm(v), 1e-5);
            }
            assertEquals(1.0, Vectors.norm(q), 1e-5);
            float toRelevant = Vectors.dot(q, docs[index(data, relevant)]);
            float toUnrelated = Vectors.dot(q, docs[index(data, unrelated)]);
            assertTrue(toRelevant > toUnrelated + 0.05, "cos(query, relevant) " + toRelevant
                    + " vs cos(query, unrelated) " + toUnrelated);

            List<String> sample = passages.subList(0, SAMPLE);
            int[] aloneCalls = {0};
            float[][] alone = TestCaches.encode(encoder, sample, 1, aloneCalls);
            assertEquals(SAMPLE, aloneCalls[0], "budget 1: one text per call");
            assertTrue(batchedCalls < 5, "the 4096-token budget batches the corpus: " + batchedCalls + " calls");
            double maxDiff = 0;
            double minCos = 1;
            for (int i = 0; i < alone.length; i++) {
                for (int j = 0; j < docs[i].length; j++) {
                    maxDiff = Math.max(maxDiff, Math.abs(docs[i][j] - alone[i][j]));
                }
                minCos = Math.min(minCos, Vectors.dot(docs[i], alone[i]));
            }
            System.out.printf(Locale.ROOT, "%s batch vs single on %s (" + SAMPLE + " passages): max |delta| per element %.5f, min cosine %.5f%n",
                    embedded.id(), dataset, maxDiff, minCos);
            assertTrue(maxDiff <= MAX_ELEMENT_DIFF, "max |delta| " + maxDiff);
            assertTrue(minCos >= MIN_COSINE, "min cosine " + minCos);
        }
    }

    private static int index(RetrievalDataset data, String id) {
        for (int i = 0; i < data.corpus().size(); i++) {
            if (data.corpus().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
