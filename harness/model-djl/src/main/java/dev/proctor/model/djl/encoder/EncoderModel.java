package dev.proctor.model.djl.encoder;

import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.request.Corpus;
import dev.proctor.api.request.EmbedRequest;
import dev.proctor.api.request.Embedding;
import dev.proctor.api.request.Passage;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.request.RetrieveRequest;
import dev.proctor.model.search.vector.DenseSearch;
import dev.proctor.model.search.vector.ExactSearcher;
import dev.proctor.model.search.vector.Recall;
import dev.proctor.model.search.vector.ScoredDoc;
import dev.proctor.model.search.vector.VectorSearcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A text encoder as a model. It serves embeddings (the role's instruction applied, as the model card asks) and dense
 * retrieval: a corpus's passages are embedded through the harness, so their vectors are stored and reused like any
 * response (the store is the embedding cache, and a killed run resumes without re-encoding), then searched exactly or
 * with HNSW for each query's vector.
 *
 * <p>When it opens it measures whether its vectors depend on the batch ({@link BatchDependence}); by default it then
 * encodes one text per call, so scores never depend on {@code --batch-tokens}.
 */
public final class EncoderModel implements Model {
    private final TextEncoder encoder;
    private final BatchingChoice batching;
    private final DenseSearch search;
    private final ModelInfo info;
    private final Map<Corpus, VectorSearcher> indexes = new LinkedHashMap<>();
    private final Map<Corpus, float[][]> vectors = new LinkedHashMap<>();
    private boolean batchingNoted;

    private EncoderModel(TextEncoder encoder, BatchingChoice batching, DenseSearch search, String name) {
        this.encoder = encoder;
        this.batching = batching;
        this.search = search;
        Map<String, Object> identity = new LinkedHashMap<>(encoder.identity());
        identity.put("batching", batching.identity());
        identity.put("search", search.describe());
        this.info = new ModelInfo(name, "text encoder", encoder.engine(), encoder.device(), identity);
    }

    /**
     * @param requested how to batch
     * @param budget    the fixed budget of {@link EncoderBatching#BUDGET}
     * @param name      the model's short name
     */
    public static EncoderModel open(TextEncoder encoder, EncoderBatching requested, int budget, DenseSearch search,
                                    String name) {
        try {
            BatchingChoice batching = switch (requested) {
                case BUDGET -> new BatchingChoice(requested, budget, false, Optional.empty());
                case PER_TEXT -> new BatchingChoice(requested, budget, true, Optional.empty());
                case AUTO -> {
                    BatchDependence.Measurement m = BatchDependence.measure(encoder, BatchDependence.PROBES);
                    yield new BatchingChoice(requested, budget, !m.invariant(), Optional.of(m));
                }
            };
            return new EncoderModel(encoder, batching, search, name);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Set<RequestKind<?, ?>> capabilities() {
        return Set.of(RequestKind.EMBED, RequestKind.RETRIEVE);
    }

    /** How it batches, decided when it opened. */
    public BatchingChoice batching() {
        return batching;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests,
                                                            Execution<A> execution) {
        if (!batchingNoted) {
            execution.note("encoder batching " + info.name(), batching.describe());
            batchingNoted = true;
        }
        if (kind == RequestKind.EMBED) {
            embed((List<EmbedRequest>) requests, (Execution<Embedding>) execution);
        } else if (kind == RequestKind.RETRIEVE) {
            retrieve((List<RetrieveRequest>) requests, (Execution<Ranking>) execution);
        } else {
            throw new IllegalArgumentException(info.name() + " does not serve " + kind.id());
        }
    }

    private void embed(List<EmbedRequest> requests, Execution<Embedding> execution) {
        EncoderConfig config = encoder.config();
        List<String> texts = requests.stream().map(r -> r.role() == EmbedRequest.Role.QUERY
                ? config.queryText(r.text()) : config.passageText(r.text())).toList();
        encoder.encode(texts, batching.budget(execution.batchTokens()), (indices, vecs, stats) -> {
            execution.recordBatch(stats);
            List<Embedding> out = new ArrayList<>(vecs.length);
            for (float[] v : vecs) {
                out.add(new Embedding(v));
            }
            execution.completed(indices, out);
        });
    }

    private void retrieve(List<RetrieveRequest> requests, Execution<Ranking> execution) {
        Map<Corpus, List<Integer>> byCorpus = new LinkedHashMap<>();
        for (int r = 0; r < requests.size(); r++) {
            byCorpus.computeIfAbsent(requests.get(r).corpus(), c -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Corpus, List<Integer>> e : byCorpus.entrySet()) {
            Corpus corpus = e.getKey();
            VectorSearcher searcher = index(corpus, execution);
            List<EmbedRequest> queries = e.getValue().stream()
                    .map(r -> new EmbedRequest(requests.get(r).query(), EmbedRequest.Role.QUERY)).toList();
            List<Embedding> queryVectors = execution.run(this, RequestKind.EMBED, queries);
            List<Ranking> rankings = new ArrayList<>(queries.size());
            List<List<ScoredDoc>> found = new ArrayList<>(queries.size());
            for (int q = 0; q < queries.size(); q++) {
                List<ScoredDoc> hits = searcher.search(queryVectors.get(q).vector(), requests.get(e.getValue().get(q)).topK());
                found.add(hits);
                List<Ranking.Hit> ranked = new ArrayList<>(hits.size());
                for (ScoredDoc d : hits) {
                    ranked.add(new Ranking.Hit(corpus.passages().get(d.doc()).id(), d.score()));
                }
                rankings.add(new Ranking(ranked));
            }
            if (!(searcher instanceof ExactSearcher)) {
                noteRecall(corpus, queryVectors, found, execution);
            }
            execution.completed(e.getValue().stream().mapToInt(Integer::intValue).toArray(), rankings);
        }
    }

    /** The corpus's searcher, its passages embedded through the harness (stored, reused) the first time. */
    private VectorSearcher index(Corpus corpus, Execution<?> execution) {
        VectorSearcher searcher = indexes.get(corpus);
        if (searcher == null) {
            List<EmbedRequest> passages = new ArrayList<>(corpus.passages().size());
            for (Passage p : corpus.passages()) {
                passages.add(new EmbedRequest(p.contents(), EmbedRequest.Role.PASSAGE));
            }
            List<Embedding> embedded = execution.run(this, RequestKind.EMBED, passages);
            float[][] matrix = new float[embedded.size()][];
            for (int i = 0; i < matrix.length; i++) {
                matrix[i] = embedded.get(i).vector();
            }
            searcher = search.build(matrix);
            vectors.put(corpus, matrix);
            indexes.put(corpus, searcher);
            execution.note("dense search " + corpus.name(), searcher.describe() + " over " + matrix.length
                    + " passages");
        }
        return searcher;
    }

    /** With approximate search, how much of exact search's top 10 it found on these queries. */
    private void noteRecall(Corpus corpus, List<Embedding> queries, List<List<ScoredDoc>> found, Execution<?> execution) {
        ExactSearcher exact = new ExactSearcher(vectors.get(corpus));
        List<List<ScoredDoc>> truth = new ArrayList<>(queries.size());
        for (Embedding q : queries) {
            truth.add(exact.search(q.vector(), 10));
        }
        execution.note("hnsw recall@10 " + corpus.name(), String.format(Locale.ROOT,
                "%.4f of exact search's top 10 over %d queries", Recall.atK(found, truth, 10), queries.size()));
    }

    @Override
    public void close() {
        indexes.values().forEach(VectorSearcher::close);
        indexes.clear();
        vectors.clear();
        encoder.close();
    }
}
