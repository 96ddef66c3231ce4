package dev.proctor.tasks.retrieval.encode;

import java.util.Locale;
import java.util.Optional;

/**
 * How a dense run grouped its encoder calls, and why: recorded in results.json.
 *
 * @param requested   the {@code --batching} mode
 * @param budget      the {@code --batch-tokens} budget asked for
 * @param effective   the budget used ({@link EncoderBatching#ONE_TEXT} when one text per call)
 * @param measurement with {@link EncoderBatching#AUTO}, the measured batch dependence
 */
public record BatchingChoice(EncoderBatching requested, int budget, int effective,
                             Optional<BatchDependence.Measurement> measurement) {

    public boolean perText() {
        return effective == EncoderBatching.ONE_TEXT;
    }

    /** One line for people: what was done and why. */
    public String describe() {
        String done = perText() ? "one text per call" : "batches of at most " + effective + " padded tokens";
        return switch (requested) {
            case AUTO -> measurement.map(m -> m.probes() < 2
                    ? done + ": too few texts to measure batch dependence, so none is assumed away"
                    : String.format(Locale.ROOT, "%s: %d probe texts in one call vs alone differ by at most %.3g per"
                    + " element (%s %.0e)", done, m.probes(), m.maxDelta(), m.invariant() ? "<=" : ">",
                    BatchDependence.TOLERANCE)).orElse(done);
            case BUDGET -> done + " (--batching budget: vectors may depend on the batch)";
            case PER_TEXT -> done + " (--batching per-text)";
        };
    }
}
