package dev.proctor.api.task;

import dev.proctor.api.NamedChoice;

/** Which prompt convention to reproduce. */
public enum PromptFormat implements NamedChoice {
    /** The benchmark's own evaluation code (e.g. CMMLU's {@code 题目：...答案是：}, MMLU's {@code Answer:}). */
    OFFICIAL("official"),
    /** lm-evaluation-harness's task templates, continuations {@code " A"}..{@code " D"}. */
    LM_EVAL("lm-eval"),
    /**
     * The official prompt as the benchmark's scripts fill it where they differ from its README: C-Eval's eval.py and
     * eval_llama.py put the subject's handle ({@code computer_network}) where the README has its Chinese name.
     */
    OFFICIAL_HANDLE("official-handle"),
    /** The benchmark's own chain-of-thought prompt (C-Eval: worked examples with the dev explanations). */
    OFFICIAL_COT("official-cot"),
    /** OpenCompass's generation config of the benchmark ({@code ceval_gen_5f30c7}, {@code cmmlu_gen_c13365}). */
    OPENCOMPASS("opencompass");

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
