package dev.proctor.tasks.retrieval.encode;

import java.util.OptionalDouble;

/**
 * How a dense run grouped its encoder calls, and why: recorded in results.json.
 *
 * @param requested   the {@code --batching} mode
 * @param budget      the {@code --batch-tokens} budget asked for
 * @param effective   the budget used ({@link EncoderBatching#ONE_TEXT} when one text per call)
 * @param dependence  with {@link EncoderBatching#AUTO}, the measured batch dependence (largest per-element
 *                    difference, batched vs alone, over the probe texts)
 */
public record BatchingChoice(EncoderBatching requested, int budget, int effective, OptionalDouble dependence) {

    public boolean perText() {
        return effective == EncoderBatching.ONE_TEXT;
    }

    /** One line for people: what was done and why. */
    public String describe() {
        String done = perText() ? "one text per call" : "batches of at most " + effective + " padded tokens";
        return switch (requested) {
            case AUTO -> String.format(java.util.Locale.ROOT, "%s: batched vs alone differ by at most %.3g per"
                    + " element on %d probe texts (%s %.0e)", done, dependence.orElse(Double.NaN),
                    BatchDependence.PROBES, perText() ? ">" : "<=", BatchDependence.TOLERANCE);
            case BUDGET -> done + " (--batching budget: vectors may depend on the batch)";
            case PER_TEXT -> done + " (--batching per-text)";
        };
    }
}
