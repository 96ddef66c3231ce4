package dev.proctor.model.djl.encoder;

import dev.proctor.api.NamedChoice;
import java.util.List;

/**
 * How encoder calls are grouped. Batching under a token budget is faster, but an encoder whose vectors depend on
 * the batch (the int8 graphs' {@code DynamicQuantizeLinear} scales activations by the whole batch tensor) then
 * gives scores that change with the budget. {@link #AUTO} measures that when the encoder opens and encodes one
 * text per call where it finds it, so the default scores never depend on the batch size.
 */
public enum EncoderBatching implements NamedChoice {
    /** Measure batch dependence at open ({@link BatchDependence}); one text per call if found, else the budget. */
    AUTO("auto"),
    /** Always batch under the token budget, accepting batch-dependent vectors (recorded). */
    BUDGET("budget"),
    /** Always one text per call: batch-invariant by construction, slower. */
    PER_TEXT("per-text");

    /** The budget that makes every call hold one text: a text longer than the budget is batched alone. */
    public static final int ONE_TEXT = 1;

    private final String id;

    EncoderBatching(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static EncoderBatching of(String id) {
        return NamedChoice.lookup(EncoderBatching.class, "encoder batching", id);
    }

    public static List<String> ids() {
        return NamedChoice.ids(EncoderBatching.class);
    }
}
