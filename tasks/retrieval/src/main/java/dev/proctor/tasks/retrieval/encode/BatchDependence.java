package dev.proctor.tasks.retrieval.encode;

import java.util.List;

/**
 * Measures whether an encoder's vectors depend on what else is in the batch: the probe texts encoded in one call
 * against each encoded alone. Float32 engines reordering their sums stay far below {@link #TOLERANCE}; int8 graphs
 * with dynamic activation quantisation do not (bge-small-en-v1.5-q: about 0.01 per element).
 */
public final class BatchDependence {
    /** Largest per-element difference counted as the same vector. */
    public static final double TOLERANCE = 1e-5;
    /** Corpus passages among the probe texts: enough to fill a batch with mixed lengths. */
    public static final int PASSAGE_PROBES = 8;
    /** Queries among the probe texts: short texts padded beside long ones. */
    public static final int QUERY_PROBES = 4;

    /**
     * @param maxDelta the largest per-element difference, together vs alone
     * @param probes   how many texts were compared
     */
    public record Measurement(double maxDelta, int probes) {
        /** Batch-invariant as far as this measurement can tell; fewer than two texts tell nothing. */
        public boolean invariant() {
            return probes >= 2 && maxDelta <= TOLERANCE;
        }
    }

    private BatchDependence() {
    }

    public static Measurement measure(TextEncoder encoder, List<String> texts) {
        if (texts.size() < 2) {
            return new Measurement(0, texts.size());
        }
        float[][] together = encoder.encodeTogether(texts);
        double worst = 0;
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = encoder.encodeTogether(List.of(texts.get(i)))[0];
            for (int d = 0; d < alone.length; d++) {
                worst = Math.max(worst, Math.abs(alone[d] - together[i][d]));
            }
        }
        return new Measurement(worst, texts.size());
    }
}
