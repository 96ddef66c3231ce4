package dev.proctor.tasks.retrieval;

import dev.proctor.api.ProctorException;
import dev.proctor.tasks.retrieval.encode.EncoderBatching;
import dev.proctor.tasks.retrieval.encode.Pooling;
import dev.proctor.tasks.retrieval.fusion.ReciprocalRankFusion;
import dev.proctor.tasks.retrieval.fusion.ScoreInterpolation;
import dev.proctor.tasks.retrieval.search.AnalyzerChoice;
import dev.proctor.tasks.retrieval.search.Bm25Params;
import dev.proctor.tasks.retrieval.search.HnswParams;
import dev.proctor.retrieval.metrics.MetricOptions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that decides a retrieval run's numbers; written whole into results.json. Build with
 * {@link #builder(RetrieverKind)}: the retriever is required, the rest have the defaults documented on
 * {@link Builder}.
 *
 * @param retriever    which retriever
 * @param encoder      {@code --encoder}, or empty for the dataset language's default
 * @param pooling      overrides the encoder's pooling
 * @param queryPrefix  overrides the encoder's query instruction
 * @param analyzer     overrides the language's BM25 analyzer
 * @param bm25         k1 and b
 * @param topK         documents kept per query (and per input run of a hybrid)
 * @param batchTokens  padded tokens per encoder call
 * @param batching     whether the budget is used, or one text per call (by default where the encoder is
 *                     batch-dependent)
 * @param device       where the encoder runs: {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param search       exact, HNSW, or by corpus size
 * @param exactMaxDocs the largest corpus {@link SearchMode#AUTO} searches exactly
 * @param hnsw         HNSW graph parameters
 * @param rrfK         reciprocal rank fusion's constant
 * @param alpha        the dense run's weight in score interpolation
 * @param cutoffs      the k of every @k measure
 */
public record RetrievalConfig(RetrieverKind retriever, Optional<String> encoder, Optional<Pooling> pooling,
                              Optional<String> queryPrefix, Optional<AnalyzerChoice> analyzer, Bm25Params bm25,
                              int topK, int batchTokens, EncoderBatching batching, String device, SearchMode search,
                              int exactMaxDocs, HnswParams hnsw, int rrfK, double alpha, List<Integer> cutoffs) {
    public RetrievalConfig {
        Objects.requireNonNull(retriever, "retriever");
        Objects.requireNonNull(batching, "batching");
        device = device == null ? "" : device.strip().toLowerCase(java.util.Locale.ROOT);
        require(device.matches("cpu|gpu(:\\d+)?"), "--device must be cpu, gpu or gpu:N, found " + device);
        cutoffs = List.copyOf(cutoffs);
        require(topK >= 1, "--top-k must be at least 1, found " + topK);
        require(batchTokens >= 1, "--batch-tokens must be at least 1, found " + batchTokens);
        require(exactMaxDocs >= 0, "--exact-max-docs must be 0 or more, found " + exactMaxDocs);
        require(rrfK >= 0, "--rrf-k must be 0 or more, found " + rrfK);
        require(alpha >= 0 && alpha <= 1, "--alpha must be in [0, 1], found " + alpha);
        require(hnsw.maxConn() >= 1 && hnsw.maxConn() <= 512 && hnsw.beamWidth() >= 1 && hnsw.beamWidth() <= 3200
                && hnsw.fanout() >= 0, "HNSW needs 1 <= M <= 512 and 1 <= beam width <= 3200 (Lucene's limits), found "
                + hnsw);
        require(bm25.k1() >= 0 && bm25.b() >= 0 && bm25.b() <= 1, "BM25 needs k1 >= 0 and b in [0, 1], found k1="
                + bm25.k1() + ", b=" + bm25.b());
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new ProctorException(problem);
        }
    }

    public static Builder builder(RetrieverKind retriever) {
        return new Builder(retriever);
    }

    /** Optional settings and their defaults. */
    public static final class Builder {
        private final RetrieverKind retriever;
        private Optional<String> encoder = Optional.empty();
        private Optional<Pooling> pooling = Optional.empty();
        private Optional<String> queryPrefix = Optional.empty();
        private Optional<AnalyzerChoice> analyzer = Optional.empty();
        private Bm25Params bm25 = Bm25Params.DEFAULTS;
        /** BEIR's evaluation depth is 1000; 100 covers every default cutoff and keeps run files small. */
        private int topK = 100;
        private int batchTokens = 8192;
        private EncoderBatching batching = EncoderBatching.AUTO;
        private String device = "cpu";
        private SearchMode search = SearchMode.AUTO;
        private int exactMaxDocs = 20_000;
        private HnswParams hnsw = HnswParams.DEFAULTS;
        private int rrfK = ReciprocalRankFusion.DEFAULT_K;
        private double alpha = ScoreInterpolation.DEFAULT_ALPHA;
        private List<Integer> cutoffs = MetricOptions.DEFAULT_CUTOFFS;

        private Builder(RetrieverKind retriever) {
            this.retriever = retriever;
        }

        public Builder optEncoder(String spec) {
            this.encoder = Optional.of(spec);
            return this;
        }

        public Builder optPooling(Pooling p) {
            this.pooling = Optional.of(p);
            return this;
        }

        public Builder optQueryPrefix(String prefix) {
            this.queryPrefix = Optional.of(prefix);
            return this;
        }

        public Builder optAnalyzer(AnalyzerChoice a) {
            this.analyzer = Optional.of(a);
            return this;
        }

        public Builder optBm25(Bm25Params p) {
            this.bm25 = p;
            return this;
        }

        public Builder optTopK(int k) {
            this.topK = k;
            return this;
        }

        public Builder optBatchTokens(int tokens) {
            this.batchTokens = tokens;
            return this;
        }

        public Builder optBatching(EncoderBatching b) {
            this.batching = b;
            return this;
        }

        public Builder optDevice(String d) {
            this.device = d;
            return this;
        }

        public Builder optSearch(SearchMode mode) {
            this.search = mode;
            return this;
        }

        public Builder optExactMaxDocs(int docs) {
            this.exactMaxDocs = docs;
            return this;
        }

        public Builder optHnsw(HnswParams p) {
            this.hnsw = p;
            return this;
        }

        public Builder optRrfK(int k) {
            this.rrfK = k;
            return this;
        }

        public Builder optAlpha(double a) {
            this.alpha = a;
            return this;
        }

        public Builder optCutoffs(List<Integer> k) {
            this.cutoffs = k;
            return this;
        }

        public RetrievalConfig build() {
            return new RetrievalConfig(retriever, encoder, pooling, queryPrefix, analyzer, bm25, topK, batchTokens,
                    batching, device, search, exactMaxDocs, hnsw, rrfK, alpha, cutoffs);
        }
    }
}
