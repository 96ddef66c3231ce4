package dev.proctor.tasks.mmcu;

import dev.proctor.api.NamedChoice;

/**
 * What to do with an answer label that no response can match once cleaned ({@code ABFD}, {@code c}, {@code False},
 * all present in MMCU's test files): {@code --task-arg bad-labels=...}.
 */
enum BadLabels implements NamedChoice {
    /** Refuse the file, naming file, sheet and row (the default: such a question measures nothing). */
    REFUSE("refuse"),
    /** Keep the question and score it as TestChatGPT.py does: compared as a string, so never correct. */
    NEVER_CORRECT("never-correct");

    static final String KEY = "bad-labels";

    private final String id;

    BadLabels(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    static BadLabels parse(String id) {
        return NamedChoice.lookup(BadLabels.class, "--task-arg " + KEY + " value", id);
    }
}
