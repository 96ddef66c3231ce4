package dev.proctor.datafiles;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.mc.McTemplate;

/**
 * The prompt conventions Proctor reproduces, written once (see shared/reference/benchmarks.md for the
 * sources). Tasks without a convention of their own borrow one of these and say so.
 */
public final class StandardTemplates {
    private StandardTemplates() {
    }

    /**
     * hendrycks/test evaluate.py: {@code format_subject} joins the words with a leading space, so the header
     * reads "about  abstract algebra." with TWO spaces; the question is not stripped.
     */
    public static final McTemplate MMLU_OFFICIAL = new McTemplate(
            "The following are multiple choice questions (with answers) about  {subject}.\n\n",
            "", "\n{letter}. {text}", "\nAnswer:", " ", "\n\n", false, McTemplate.ABCD);

    /** lm-evaluation-harness mmlu default: one space in the header, {@code question.strip()}. */
    public static final McTemplate MMLU_LM_EVAL = new McTemplate(
            "The following are multiple choice questions (with answers) about {subject}.\n\n",
            "", "\n{letter}. {text}", "\nAnswer:", " ", "\n\n", true, McTemplate.ABCD);

    /** CMMLU src/mp_utils.py, direct answer: {@code 题目：} before the question, {@code 答案是：} and the letter with no space. */
    public static final McTemplate CMMLU_OFFICIAL = new McTemplate(
            "以下是关于{subject}的单项选择题，请直接给出正确答案的选项。\n\n",
            "题目：", "\n{letter}. {text}", "\n答案是：", "", "\n\n", false, McTemplate.ABCD);

    /** lm-evaluation-harness cmmlu: no {@code 题目：}, {@code 答案：}, continuations {@code " A"}..{@code " D"}. */
    public static final McTemplate CMMLU_LM_EVAL = new McTemplate(
            "以下是关于{subject}的单项选择题，请直接给出正确答案的选项。\n\n",
            "", "\n{letter}. {text}", "\n答案：", " ", "\n\n", true, McTemplate.ABCD);

    /**
     * C-Eval's answer-only prompt as its README writes it: {@code 考试} in the header, {@code 答案：} and the letter with
     * no space. (The official scripts eval.py and eval_llama.py put the subject's handle, such as
     * {@code operating_system}, where the README has the Chinese name.)
     */
    public static final McTemplate CEVAL_OFFICIAL = new McTemplate(
            "以下是中国关于{subject}考试的单项选择题，请选出其中的正确答案。\n\n",
            "", "\n{letter}. {text}", "\n答案：", "", "\n\n", false, McTemplate.ABCD);

    /**
     * lm-evaluation-harness ceval-valid: no {@code 考试} in the description, {@code question.strip()}, continuations
     * {@code " A"}..{@code " D"}.
     */
    public static final McTemplate CEVAL_LM_EVAL = new McTemplate(
            "以下是中国关于{subject}的单项选择题，请选出其中的正确答案。\n\n",
            "", "\n{letter}. {text}", "\n答案：", " ", "\n\n", true, McTemplate.ABCD);

    /** MMLU's convention for a format: {@link #MMLU_OFFICIAL} or {@link #MMLU_LM_EVAL}. */
    public static McTemplate mmlu(PromptFormat format) {
        return switch (format) {
            case OFFICIAL -> MMLU_OFFICIAL;
            case LM_EVAL -> MMLU_LM_EVAL;
        };
    }

    /** CMMLU's convention for a format: {@link #CMMLU_OFFICIAL} or {@link #CMMLU_LM_EVAL}. */
    public static McTemplate cmmlu(PromptFormat format) {
        return switch (format) {
            case OFFICIAL -> CMMLU_OFFICIAL;
            case LM_EVAL -> CMMLU_LM_EVAL;
        };
    }
}
