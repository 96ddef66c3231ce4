package dev.proctor.api.task.mc;

import dev.proctor.api.NamedChoice;

/**
 * How a prompt with few-shot examples is made to fit, per the protocol whose prompts it reproduces. Each rule is the
 * reference code's, rule for rule; the rule applied is recorded with every item.
 */
public enum ShotRule implements NamedChoice {
    /**
     * CMMLU's {@code gen_prompt} (src/mp_utils.py): header, each example and the question are encoded on their own
     * with the tokenizer's default special tokens; if header and question alone exceed max_length, the prompt is the
     * question without the header; else, while the examples' tokens are at least max_length minus the header's and
     * question's, every example tied for longest is removed at once.
     */
    CMMLU_GEN_PROMPT("cmmlu-gen-prompt"),
    /**
     * hendrycks/test's {@code evaluate.py}: while the prompt does not fit in max_length tokens, the last example is
     * removed (the reference's GPT-2 crop check, with the model's tokenizer); it stops at zero examples.
     */
    MMLU_DROP_LAST("mmlu-drop-last"),
    /**
     * lm-evaluation-harness: examples are never removed; an input longer than the model's context keeps its last
     * tokens ({@code (context + continuation)[-(max_length + 1):][:-1]}).
     */
    LM_EVAL_LEFT_TRUNCATE("lm-eval-left-truncate"),
    /**
     * OpenCompass's GenInferencer with a model without a meta template: the examples and the question are pieces
     * joined by a newline ({@code LMTemplateParser.parse_template}), the examples' place counting as a piece even
     * when there are none (so a zero-shot prompt opens with a newline); no example is removed (OpenCompass removes the
     * last ones only where a model config sets {@code max_seq_len}), and an input longer than the model's context
     * keeps its last tokens.
     */
    OPENCOMPASS_LINES("opencompass-lines");

    private final String id;

    ShotRule(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
