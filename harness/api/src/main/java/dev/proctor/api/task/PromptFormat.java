package dev.proctor.api.task;

import dev.proctor.api.UnknownNameException;
import java.util.Arrays;

/** Which prompt convention to reproduce. */
public enum PromptFormat {
    /** The benchmark's own evaluation code (e.g. CMMLU's {@code 题目：...答案是：}, MMLU's {@code Answer:}). */
    OFFICIAL("official"),
    /** lm-evaluation-harness's task templates, continuations {@code " A"}..{@code " D"}. */
    LM_EVAL("lm-eval");

    private final String id;

    PromptFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static PromptFormat parse(String id) {
        for (PromptFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new UnknownNameException("prompt format", id, Arrays.stream(values()).map(PromptFormat::id).toList());
    }
}
