package dev.proctor.datafiles;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.mc.ShotRule;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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

    /** C-Eval's eval.py and eval_llama.py: the answer-only prompt with the subject's handle in the header. */
    public static final McTemplate CEVAL_OFFICIAL_HANDLE = new McTemplate(
            "以下是中国关于{handle}考试的单项选择题，请选出其中的正确答案。\n\n",
            "", "\n{letter}. {text}", "\n答案：", "", "\n\n", false, McTemplate.ABCD);

    /**
     * C-Eval's chain of thought (llama.py {@code format_example} with {@code cot=True}): a worked example answers
     * {@code 让我们一步一步思考，\n{explanation}\n所以答案是{answer}。}, the question asked ends
     * {@code 答案：让我们一步一步思考，\n1.}; the Chinese subject name as in the README. llama.py generates up to 512
     * tokens; here generation also stops at a blank line, where the next worked example would begin.
     */
    public static final McTemplate CEVAL_COT = new McTemplate(
            "以下是中国关于{subject}考试的单项选择题，请选出其中的正确答案。\n\n",
            "", "\n{letter}. {text}", "\n答案：", "", "\n\n", false, McTemplate.ABCD, McTemplate.AnswerStyle.LETTER,
            new McTemplate.ChainOfThought("让我们一步一步思考，\n", "\n所以答案是{answer}。", "让我们一步一步思考，\n1.",
                    java.util.List.of("\n\n"), 512, "ceval-cot"));

    /**
     * lm-evaluation-harness ceval-valid: no {@code 考试} in the description, {@code question.strip()}, continuations
     * {@code " A"}..{@code " D"}.
     */
    public static final McTemplate CEVAL_LM_EVAL = new McTemplate(
            "以下是中国关于{subject}的单项选择题，请选出其中的正确答案。\n\n",
            "", "\n{letter}. {text}", "\n答案：", " ", "\n\n", true, McTemplate.ABCD);

    /**
     * OpenCompass ceval_gen_5f30c7 (a5acc4bb): the HUMAN turn repeats the header before every question and ends
     * {@code 答案: } (ASCII colon and a space), the BOT turn is the letter alone; a model without a meta template gets
     * them joined by newlines ({@link dev.proctor.api.task.mc.ShotRule#OPENCOMPASS_LINES}). {@code {subject}} is the
     * Chinese name.
     */
    public static final McTemplate CEVAL_OPENCOMPASS = new McTemplate("",
            "以下是中国关于{subject}考试的单项选择题，请选出其中的正确答案。\n", "\n{letter}. {text}", "\n答案: ", "\n", "", false,
            McTemplate.ABCD);

    /**
     * OpenCompass cmmlu_gen_c13365: the HUMAN turn repeats the header and {@code 题目：} before every question, the
     * BOT turn is {@code 答案是: {answer}}, so the question asked ends {@code \n答案是: } and a worked example adds its
     * letter; joined by newlines as {@link #CEVAL_OPENCOMPASS}. M3KE borrows it.
     */
    public static final McTemplate CMMLU_OPENCOMPASS = new McTemplate("",
            "以下是关于{subject}的单项选择题，请直接给出正确答案的选项。\n题目：", "\n{letter}. {text}", "\n答案是: ", "", "", false,
            McTemplate.ABCD);

    /** MMLU's convention for a format: {@link #MMLU_OFFICIAL} or {@link #MMLU_LM_EVAL}. */
    public static McTemplate mmlu(PromptFormat format) {
        return switch (format) {
            case OFFICIAL -> MMLU_OFFICIAL;
            case LM_EVAL -> MMLU_LM_EVAL;
            default -> throw unsupported("MMLU", format);
        };
    }

    /** CMMLU's formats (M3KE, using CMMLU's prompts, has the same). */
    public static final Set<PromptFormat> CMMLU_FORMATS = Collections.unmodifiableSet(
            EnumSet.of(PromptFormat.OFFICIAL, PromptFormat.LM_EVAL, PromptFormat.OPENCOMPASS));

    /** How a CMMLU-style prompt is fitted: CMMLU's gen_prompt, OpenCompass's newline join, else lm-eval's rule. */
    public static ShotRule cmmluShotRule(PromptFormat format) {
        return switch (format) {
            case OFFICIAL -> ShotRule.CMMLU_GEN_PROMPT;
            case OPENCOMPASS -> ShotRule.OPENCOMPASS_LINES;
            default -> ShotRule.LM_EVAL_LEFT_TRUNCATE;
        };
    }

    /** CMMLU's convention for a format: {@link #CMMLU_OFFICIAL} or {@link #CMMLU_LM_EVAL}. */
    public static McTemplate cmmlu(PromptFormat format) {
        return switch (format) {
            case OFFICIAL -> CMMLU_OFFICIAL;
            case LM_EVAL -> CMMLU_LM_EVAL;
            case OPENCOMPASS -> CMMLU_OPENCOMPASS;
            default -> throw unsupported("CMMLU", format);
        };
    }

    /** A format the benchmark does not have; the task kind refuses it earlier, naming the ones it has. */
    public static IllegalArgumentException unsupported(String benchmark, PromptFormat format) {
        return new IllegalArgumentException(benchmark + " has no " + format.id() + " prompt format");
    }
}
