package dev.proctor.model.djl.encoder;

import java.util.Locale;
import java.util.Optional;

/**
 * How an encoder groups its texts into forward calls, and why; decided when it opens.
 *
 * @param requested   the {@code batching} option
 * @param budget      with {@link EncoderBatching#BUDGET}, the fixed padded-token budget; otherwise unused
 * @param perText     one text per call
 * @param measurement with {@link EncoderBatching#AUTO}, the measured batch dependence
 */
public record BatchingChoice(EncoderBatching requested, int budget, boolean perText,
                             Optional<BatchDependence.Measurement> measurement) {

    /** The budget of one call, given the run's budget (used when batching is measured invariant). */
    public int budget(int runBudget) {
        if (perText) {
            return EncoderBatching.ONE_TEXT;
        }
        return requested == EncoderBatching.BUDGET ? budget : runBudget;
    }

    /**
     * What decides the vectors, for the model's identity: nothing when they do not depend on the batch, the fixed
     * budget when they may.
     */
    public String identity() {
        if (perText) {
            return "one text per call";
        }
        return requested == EncoderBatching.BUDGET ? "batches of at most " + budget + " padded tokens (vectors may"
                + " depend on the batch)" : "batched under the run's budget (measured batch-invariant)";
    }

    /** One line for people: what was done and why. */
    public String describe() {
        return switch (requested) {
            case AUTO -> measurement.map(m -> String.format(Locale.ROOT, "%s: %d probe texts in one call vs alone"
                    + " differ by at most %.3g per element (%s %.0e)", identity(), m.probes(), m.maxDelta(),
                    m.invariant() ? "<=" : ">", BatchDependence.TOLERANCE)).orElse(identity());
            case BUDGET -> identity() + " (batching=budget)";
            case PER_TEXT -> identity() + " (batching=per-text)";
        };
    }
}
