package dev.proctor.api.task;

import dev.proctor.api.NamedChoice;

/** Which prompt convention to reproduce. */
public enum PromptFormat implements NamedChoice {
    /** The benchmark's own evaluation code (e.g. CMMLU's {@code 题目：...答案是：}, MMLU's {@code Answer:}). */
    OFFICIAL("official"),
    /** lm-evaluation-harness's task templates, continuations {@code " A"}..{@code " D"}. */
    LM_EVAL("lm-eval");

    private final String id;

    PromptFormat(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static PromptFormat parse(String id) {
        return NamedChoice.lookup(PromptFormat.class, "prompt format", id);
    }
}
