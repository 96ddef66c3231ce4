package dev.proctor.model.search.vector;

import java.util.List;

/** Nearest neighbours by dot product over unit vectors (cosine similarity). */
public interface VectorSearcher extends AutoCloseable {
    /** @return the k most similar corpus vectors, best first */
    List<ScoredDoc> search(float[] query, int k);

    /** {@code exact} or {@code hnsw(...)} with its parameters, for provenance. */
    String describe();

    @Override
    default void close() {
    }
}
