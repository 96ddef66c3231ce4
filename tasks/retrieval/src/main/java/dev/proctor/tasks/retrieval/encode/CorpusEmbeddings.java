package dev.proctor.tasks.retrieval.encode;

import dev.proctor.tasks.retrieval.data.Document;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A corpus's vectors and whether they came from the cache.
 *
 * @param vectors  one unit vector per document, corpus order
 * @param cacheKey the embedding cache key
 * @param cacheFile where the vectors are cached
 * @param cacheHit whether they were read rather than encoded
 */
public record CorpusEmbeddings(float[][] vectors, String cacheKey, Path cacheFile, boolean cacheHit) {

    /** Reads the corpus's vectors from the cache, or encodes them (passage prefix applied) and stores them. */
    public static CorpusEmbeddings of(TextEncoder encoder, List<Document> corpus, String corpusSha256,
                                      EmbeddingCache cache) {
        EncoderInfo info = encoder.info();
        String key = EmbeddingCache.key(info, corpusSha256);
        Optional<float[][]> cached = cache.load(key, corpus.size(), info.dimension());
        if (cached.isPresent()) {
            return new CorpusEmbeddings(cached.get(), key, cache.file(key), true);
        }
        float[][] vectors = encoder.encode(corpus.stream()
                .map(d -> info.config().passageText(d.contents())).toList());
        cache.store(key, EmbeddingCache.describe(info, corpusSha256), vectors);
        return new CorpusEmbeddings(vectors, key, cache.file(key), false);
    }
}
