package dev.proctor.tasks.retrieval.encode;

import java.util.List;

/**
 * Measures whether an encoder's vectors depend on what else is in the batch: the probe texts encoded together
 * (one call, or as few as the encoder's budget allows) against each encoded alone. Float32 engines reordering
 * their sums stay far below {@link #TOLERANCE}; int8 graphs with dynamic activation quantisation do not
 * (bge-small-en-v1.5-q: about 0.02 per element).
 */
public final class BatchDependence {
    /** Largest per-element difference counted as the same vector. */
    public static final double TOLERANCE = 1e-5;
    /** Probe texts used: enough to fill a batch with mixed lengths. */
    public static final int PROBES = 8;

    private BatchDependence() {
    }

    /** @return the largest per-element difference between batched and alone over {@code texts} */
    public static double measure(TextEncoder encoder, List<String> texts) {
        float[][] together = encoder.encode(texts);
        double worst = 0;
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = encoder.encode(List.of(texts.get(i)))[0];
            for (int d = 0; d < alone.length; d++) {
                worst = Math.max(worst, Math.abs(alone[d] - together[i][d]));
            }
        }
        return worst;
    }
}
