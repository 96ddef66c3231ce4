package dev.proctor.tasks.retrieval.encode;

import java.util.List;

/** Turns texts into unit-length vectors. Not thread-safe. */
public interface TextEncoder extends AutoCloseable {
    EncoderInfo info();

    /**
     * @param texts the texts, prefixes already applied
     * @return one L2-normalised vector per text, in input order
     */
    float[][] encode(List<String> texts);

    /** All of {@code texts} in one forward call, whatever the budget: how {@link BatchDependence} batches them. */
    float[][] encodeTogether(List<String> texts);

    /** Counters since the encoder was opened. */
    EncodeStats stats();

    @Override
    void close();
}
