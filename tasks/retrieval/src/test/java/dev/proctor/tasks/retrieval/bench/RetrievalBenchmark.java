package dev.proctor.tasks.retrieval.bench;

import dev.proctor.model.djl.encoder.EmbeddedEncoder;
import dev.proctor.model.djl.encoder.EncoderBatching;
import dev.proctor.model.djl.encoder.EncoderSpec;
import dev.proctor.model.djl.encoder.EncodingBenchmark;
import dev.proctor.model.search.vector.SearchBenchmark;
import dev.proctor.tasks.retrieval.TestCaches;
import dev.proctor.tasks.retrieval.data.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The retrieval benchmark, run by hand (a main among the tests, not a test: timings on a shared machine are not
 * pass/fail):
 * <pre>
 * mvn -q -pl tasks/retrieval -am install -DskipTests
 * mvn -q -pl tasks/retrieval dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "$(cat tasks/retrieval/target/classpath.txt):tasks/retrieval/target/classes:tasks/retrieval/target/test-classes" \
 *     dev.proctor.tasks.retrieval.bench.RetrievalBenchmark [encoder] [passages] [batchTokens] [sizes,...] [queries]
 *     [intrinsic dims,...]
 * </pre> Defaults: bge-small-en, 512 passages, 8192 tokens, 10000,100000
 * documents, 200 queries, intrinsic dimensions 0 (isotropic) and 16. Passages are made by joining two bundled
 * English passages, so lengths vary.
 */
public final class RetrievalBenchmark {
    private RetrievalBenchmark() {
    }

    public static void main(String[] args) {
        String encoder = args.length > 0 ? args[0] : "bge-small-en";
        int passages = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int batchTokens = args.length > 2 ? Integer.parseInt(args[2]) : 8192;
        int[] sizes = args.length > 3 ? Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000};
        int queries = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        int[] intrinsicDims = args.length > 5 ? Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {0, 16};
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.arch"));

        EmbeddedEncoder embedded = EmbeddedEncoder.of(encoder);
        EncoderSpec spec = TestCaches.encoder(embedded);
        EncodingBenchmark e = EncodingBenchmark.run(spec, batchTokens, passages(passages), 5);
        System.out.printf(Locale.ROOT, "encoding %s: %d passages in %d batches (padding efficiency %.3f), budget %d"
                        + " tokens: %.1f docs/s through the encoder, %.1f docs/s ONNX Runtime alone on the same"
                        + " batches, ratio %.3f%n", encoder, e.texts(), e.batches(), e.paddingEfficiency(),
                batchTokens, e.docsPerSecond(), e.directDocsPerSecond(), e.ratio());
        // what --batching auto costs when it finds the encoder batch-dependent: the same passages, one per call
        EncodingBenchmark one = EncodingBenchmark.run(spec, EncoderBatching.ONE_TEXT, passages(passages), 5);
        System.out.printf(Locale.ROOT, "encoding %s one text per call: %.1f docs/s through the encoder, %.1f docs/s"
                        + " ONNX Runtime alone, ratio %.3f; %.2f x the batched throughput%n", encoder,
                one.docsPerSecond(), one.directDocsPerSecond(), one.ratio(), one.docsPerSecond() / e.docsPerSecond());

        for (int intrinsic : intrinsicDims) {
            for (int n : sizes) {
                SearchBenchmark s = SearchBenchmark.run(n, 384, intrinsic, queries, 7);
                System.out.printf(Locale.ROOT, "search %d docs x %d dims (%s), %d queries: exact %.1f q/s; HNSW"
                                + " (M 16, beam 100) built in %.1f s; k=10: %.1f q/s, recall@10 %.3f; 100 candidates:"
                                + " %.1f q/s, recall@10 %.3f%n", s.documents(), s.dimension(),
                        intrinsic == 0 ? "isotropic" : "intrinsic dim " + intrinsic, s.queries(), s.exactQps(),
                        s.hnswBuildSeconds(), s.hnswQps10(), s.recall10At10(), s.hnswQps100(), s.recall10At100());
            }
        }
    }

    static List<String> passages(int n) {
        List<Document> docs = TestCaches.bundled("everyday-en").corpus();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Document a = docs.get(i % docs.size());
            Document b = docs.get((i * 7 + 3) % docs.size());
            out.add(i % 3 == 0 ? a.contents() : a.contents() + " " + b.text());
        }
        return out;
    }
}
