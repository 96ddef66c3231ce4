package dev.proctor.model.djl.encoder;

import dev.proctor.api.model.BatchStats;
import java.util.List;
import java.util.Map;

/** Turns texts into unit-length vectors, batched under a padded-token budget. Not thread-safe. */
public interface TextEncoder extends AutoCloseable {

    /** Its configuration: pooling, prefixes, maximum length, inputs. */
    EncoderConfig config();

    /** Everything that decides its vectors (file hashes, configuration, dimension), as JSON values. */
    Map<String, Object> identity();

    /** The engine and device, for provenance. */
    String engine();

    String device();

    /** What one forward call produced: the texts it held (positions in the list encoded) and their vectors. */
    @FunctionalInterface
    interface BatchListener {
        void encoded(int[] indices, float[][] vectors, BatchStats stats);
    }

    /**
     * Encodes {@code texts} (prefixes already applied) in calls of at most {@code batchTokens} padded tokens,
     * reporting each call's vectors as it returns.
     */
    void encode(List<String> texts, int batchTokens, BatchListener listener);

    /** All of {@code texts} in one forward call, whatever the budget: how {@link BatchDependence} batches them. */
    float[][] encodeTogether(List<String> texts);

    @Override
    void close();
}
