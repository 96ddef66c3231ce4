package dev.proctor.tasks.retrieval;

import dev.proctor.retrieval.Run;
import dev.proctor.tasks.retrieval.data.Language;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import dev.proctor.tasks.retrieval.encode.BatchDependence;
import dev.proctor.tasks.retrieval.encode.BatchingChoice;
import dev.proctor.tasks.retrieval.encode.CorpusEmbeddings;
import dev.proctor.tasks.retrieval.encode.EmbeddedEncoder;
import dev.proctor.tasks.retrieval.encode.EmbeddingCache;
import dev.proctor.tasks.retrieval.encode.EncodeStats;
import dev.proctor.tasks.retrieval.encode.EncoderBatching;
import dev.proctor.tasks.retrieval.encode.EncoderConfig;
import dev.proctor.tasks.retrieval.encode.EncoderSpec;
import dev.proctor.tasks.retrieval.encode.TextEncoder;
import dev.proctor.tasks.retrieval.search.ExactSearcher;
import dev.proctor.tasks.retrieval.search.HnswSearcher;
import dev.proctor.tasks.retrieval.search.Recall;
import dev.proctor.tasks.retrieval.search.ScoredDoc;
import dev.proctor.tasks.retrieval.search.VectorSearcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The dense side: corpus vectors from the cache or the encoder, query vectors with the query instruction, then
 * exact or HNSW search. With HNSW, the same queries are also searched exactly to report recall@10.
 */
final class DenseRetriever {
    record Result(Run run, DenseReport report) {
    }

    private DenseRetriever() {
    }

    /** The encoder a dataset gets when {@code --encoder} is not given. */
    static String defaultEncoder(Language language) {
        return switch (language) {
            case EN -> EmbeddedEncoder.BGE_SMALL_EN.id();
            case ZH -> EmbeddedEncoder.BGE_SMALL_ZH.id();
        };
    }

    static Result run(RetrievalDataset dataset, RetrievalConfig config, EmbeddingCache cache,
                      Retrieval.EncoderOpener opener) {
        String spec = config.encoder().orElse(defaultEncoder(dataset.language().language()));
        String why = config.encoder().isPresent() ? "--encoder"
                : "default for language " + dataset.language().language().id();
        EncoderSpec resolved = EncoderSpec.resolve(spec, config.pooling(), config.queryPrefix());
        Opened opened = open(resolved, config, probes(dataset, resolved.config()), opener);
        try (TextEncoder encoder = opened.encoder()) {
            EncodeStats before = encoder.stats();
            CorpusEmbeddings corpus = CorpusEmbeddings.of(encoder, dataset.corpus(),
                    dataset.files().corpusSha256(), cache);
            EncodeStats afterCorpus = encoder.stats();
            EncoderConfig c = encoder.info().config();
            float[][] queries = encoder.encode(dataset.queries().stream().map(q -> c.queryText(q.text())).toList());
            EncodeStats afterQueries = encoder.stats();

            long start = System.nanoTime();
            boolean exact = config.search().exactFor(corpus.vectors().length, config.exactMaxDocs());
            List<List<ScoredDoc>> hits;
            String searcherName;
            OptionalDouble recall = OptionalDouble.empty();
            try (VectorSearcher searcher = exact ? new ExactSearcher(corpus.vectors())
                    : HnswSearcher.build(corpus.vectors(), config.hnsw())) {
                hits = search(searcher, queries, config.topK());
                searcherName = searcher.describe();
            }
            if (!exact) {
                List<List<ScoredDoc>> truth = search(new ExactSearcher(corpus.vectors()), queries, 10);
                recall = OptionalDouble.of(Recall.atK(hits, truth, 10));
            }
            long searchNanos = System.nanoTime() - start;
            DenseReport report = new DenseReport(encoder.info(), why, opened.batching(), corpus.cacheKey(),
                    corpus.cacheFile(), corpus.cacheHit(), searcherName, recall, minus(afterCorpus, before),
                    minus(afterQueries, afterCorpus), searchNanos);
            return new Result(Runs.of(dataset.queries(), hits, dataset.corpus()), report);
        }
    }

    private record Opened(TextEncoder encoder, BatchingChoice batching) {
    }

    /**
     * Opens the encoder with the budget {@code --batching} calls for. Under AUTO it opens with the budget, measures
     * batch dependence on the probe texts, and reopens with one text per call when it finds any.
     */
    private static Opened open(EncoderSpec spec, RetrievalConfig config, List<String> probes,
                               Retrieval.EncoderOpener opener) {
        int budget = config.batchTokens();
        return switch (config.batching()) {
            case BUDGET -> new Opened(opener.open(spec, budget), new BatchingChoice(EncoderBatching.BUDGET, budget,
                    budget, Optional.empty()));
            case PER_TEXT -> new Opened(opener.open(spec, EncoderBatching.ONE_TEXT), new BatchingChoice(
                    EncoderBatching.PER_TEXT, budget, EncoderBatching.ONE_TEXT, Optional.empty()));
            case AUTO -> {
                TextEncoder batched = opener.open(spec, budget);
                BatchDependence.Measurement measured;
                try {
                    measured = BatchDependence.measure(batched, probes);
                } catch (RuntimeException e) {
                    batched.close();
                    throw e;
                }
                if (measured.invariant()) {
                    yield new Opened(batched, new BatchingChoice(EncoderBatching.AUTO, budget, budget,
                            Optional.of(measured)));
                }
                batched.close();
                yield new Opened(opener.open(spec, EncoderBatching.ONE_TEXT), new BatchingChoice(EncoderBatching.AUTO,
                        budget, EncoderBatching.ONE_TEXT, Optional.of(measured)));
            }
        };
    }

    /**
     * The first passages of the corpus and the first queries, as the encoder will see them: real lengths and
     * vocabulary, long and short texts side by side.
     */
    private static List<String> probes(RetrievalDataset dataset, EncoderConfig config) {
        List<String> probes = new ArrayList<>();
        dataset.corpus().stream().limit(BatchDependence.PASSAGE_PROBES)
                .forEach(d -> probes.add(config.passageText(d.contents())));
        dataset.queries().stream().limit(BatchDependence.QUERY_PROBES)
                .forEach(q -> probes.add(config.queryText(q.text())));
        return probes;
    }

    private static List<List<ScoredDoc>> search(VectorSearcher searcher, float[][] queries, int k) {
        List<List<ScoredDoc>> hits = new ArrayList<>(queries.length);
        for (float[] q : queries) {
            hits.add(searcher.search(q, k));
        }
        return hits;
    }

    private static EncodeStats minus(EncodeStats a, EncodeStats b) {
        return new EncodeStats(a.forwardCalls() - b.forwardCalls(), a.texts() - b.texts(),
                a.realTokens() - b.realTokens(), a.paddedTokens() - b.paddedTokens(),
                a.tokenizeNanos() - b.tokenizeNanos(), a.forwardNanos() - b.forwardNanos(),
                a.totalNanos() - b.totalNanos());
    }
}
