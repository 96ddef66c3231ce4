package dev.proctor.model.djl.encoder;

import java.util.List;

/**
 * Measures whether an encoder's vectors depend on what else is in the batch: the probe texts encoded in one call
 * against each encoded alone. Float32 engines reordering their sums stay far below {@link #TOLERANCE}; int8 graphs
 * with dynamic activation quantisation do not (bge-small-en-v1.5-q: about 0.01 per element).
 */
public final class BatchDependence {
    /** Largest per-element difference counted as the same vector. */
    public static final double TOLERANCE = 1e-5;
    /**
     * The texts measured when an encoder opens: long and short, English and Chinese, so a batch mixes lengths and
     * padding as a corpus does. Any batch-dependent graph shows it on them; the measurement decides before any data is
     * read, so it is part of the model's identity.
     */
    public static final List<String> PROBES = List.of(
            "Sourdough bread rises slowly because wild yeast and lactic acid bacteria ferment the dough over many hours,"
                    + " which also gives the crust its sour taste.",
            "The library opens at nine.",
            "A bicycle chain should be cleaned and oiled every few hundred kilometres, more often after riding in rain"
                    + " or on dusty roads, or it wears the sprockets.",
            "Tomatoes need full sun.",
            "京剧的唱腔以西皮和二黄为主，伴奏乐器有京胡、月琴和锣鼓。",
            "茶叶应密封保存，避免受潮和串味。",
            "When the power fails, a freezer that stays closed keeps food frozen for about two days if it is full and"
                    + " about one day if it is half full.",
            "Rivers carry sand to the sea.",
            "how long does bread dough rise",
            "bike chain care",
            "茶叶怎么保存",
            "what keeps food frozen");

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
