package dev.proctor.tasks.retrieval;

import dev.proctor.tasks.retrieval.encode.BatchingChoice;
import dev.proctor.tasks.retrieval.encode.EncodeStats;
import dev.proctor.tasks.retrieval.encode.EncoderInfo;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * How the dense run was made.
 *
 * @param encoder         the encoder's provenance (model hash, pooling, prefixes, batch budget)
 * @param encoderChoice   why this encoder ({@code --encoder} or the language's default)
 * @param batching        how encoder calls were grouped, and why
 * @param cacheKey        the corpus embedding cache key
 * @param cacheFile       where the corpus vectors are cached
 * @param cacheHit        whether the corpus vectors were read from the cache
 * @param searcher        exact or HNSW with its parameters
 * @param hnswRecallAt10  with HNSW, recall@10 of its top 10 against exact search's on the same queries
 * @param corpusEncoding  encoder counters for the corpus (zero on a cache hit)
 * @param queryEncoding   encoder counters for the queries
 * @param searchNanos     time spent searching (index build included)
 */
public record DenseReport(EncoderInfo encoder, String encoderChoice, BatchingChoice batching, String cacheKey,
                          Path cacheFile,
                          boolean cacheHit, String searcher, OptionalDouble hnswRecallAt10,
                          EncodeStats corpusEncoding, EncodeStats queryEncoding, long searchNanos) {
}
