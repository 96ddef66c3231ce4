package dev.proctor.api.task;

import dev.proctor.api.NamedChoice;
import java.util.Locale;

/** How a multiple-choice item is put to the model. */
public enum ScoringMode implements NamedChoice {
    /**
     * Official CMMLU/MMLU method: one forward pass, next-token log-probabilities at the end of the prompt compared
     * over the first token of each choice's continuation (the letters).
     */
    LETTER,
    /** lm-evaluation-harness: summed log-likelihood of each whole continuation; acc, acc_norm, acc_bytes. */
    LOGLIK,
    /**
     * Chat and API models' way: the model generates from the prompt until a newline, the answer letter is
     * extracted from what it wrote by a named rule, and exact match is the metric.
     */
    GENERATE;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScoringMode parse(String id) {
        return NamedChoice.lookup(ScoringMode.class, "scoring mode", id);
    }
}
