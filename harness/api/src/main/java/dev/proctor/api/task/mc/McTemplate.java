package dev.proctor.api.task.mc;

import dev.proctor.api.task.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape shared by every multiple-choice prompt convention Proctor reproduces:
 * <pre>
 * header(subject)
 * shot(dev item 1) ... shot(dev item k)
 * query(item)               -- the model continues with continuation(i) for choice i
 * </pre>
 * where {@code query = questionPrefix + question + for each choice: optionLine + answerCue},
 * {@code shot = query + answerDelimiter + answer(gold) + shotSuffix} and
 * {@code continuation(i) = answerDelimiter + answer(i)}; {@code answer(i)} is the letter of choice i
 * ({@link AnswerStyle#LETTER}, the MMLU/CMMLU way) or its text ({@link AnswerStyle#CHOICE_TEXT}, the cloze way of
 * lm-evaluation-harness's continuation tasks such as {@code mmlu_continuation} and ARC, where the options are
 * usually not listed: an empty {@code optionLine}).
 *
 * @param header          prompt header; {@code {subject}} is replaced by the subject's display name, {@code {handle}}
 *                        by its name
 * @param questionPrefix  text before the question ({@code "题目："} in CMMLU's official prompt; OpenCompass repeats the
 *                        header here, with {@code {subject}}, see {@link #forSubject})
 * @param optionLine      one option; {@code {letter}} and {@code {text}} are replaced
 * @param answerCue       text after the options that asks for the answer ({@code "\nAnswer:"})
 * @param answerDelimiter text between the cue and the letter: {@code " "} for lm-eval and MMLU, {@code ""} for CMMLU
 * @param shotSuffix      text after a worked example's answer ({@code "\n\n"})
 * @param stripQuestion   whether the question is {@code strip()}ped, as lm-eval's {@code question.strip()} does
 * @param letters         choice labels, in order
 * @param answerStyle     whether the model answers with the letter or with the choice's text
 * @param chainOfThought  the worked reasoning of a chain-of-thought prompt, or null
 */
public record McTemplate(
        String header,
        String questionPrefix,
        String optionLine,
        String answerCue,
        String answerDelimiter,
        String shotSuffix,
        boolean stripQuestion,
        List<String> letters,
        AnswerStyle answerStyle,
        ChainOfThought chainOfThought) {

    public static final List<String> ABCD = List.of("A", "B", "C", "D");

    /** What follows the answer cue. */
    public enum AnswerStyle {
        /** The choice's letter: {@code " B"}. */
        LETTER,
        /** The choice's own text: {@code " Quenta"}. */
        CHOICE_TEXT
    }

    /**
     * A chain-of-thought prompt (C-Eval's llama.py with {@code cot=True}): after the answer cue a worked example shows
     * {@code shotOpening + explanation + shotClosing} (where {@code {answer}} is its letter), and the question asked
     * ends with {@code askOpening}; the model then reasons at length, so generation stops only at {@code stop} or
     * after {@code maxNewTokens}, and the answer is read by the benchmark's own rule ({@code answerRule}) unless the
     * user names another.
     */
    public record ChainOfThought(String shotOpening, String shotClosing, String askOpening, List<String> stop,
                                 int maxNewTokens, String answerRule) {
        public ChainOfThought {
            stop = List.copyOf(stop);
        }
    }

    public McTemplate {
        letters = List.copyOf(letters);
        java.util.Objects.requireNonNull(answerStyle, "answerStyle");
    }

    /** A template without chain of thought. */
    public McTemplate(String header, String questionPrefix, String optionLine, String answerCue, String answerDelimiter,
                      String shotSuffix, boolean stripQuestion, List<String> letters, AnswerStyle answerStyle) {
        this(header, questionPrefix, optionLine, answerCue, answerDelimiter, shotSuffix, stripQuestion, letters,
                answerStyle, null);
    }

    /** The same template with the subject's name written into the question prefix (a header repeated per question). */
    public McTemplate forSubject(Subject subject) {
        return new McTemplate(header(subject), questionPrefix.replace("{subject}", subject.displayName()), optionLine,
                answerCue, answerDelimiter, shotSuffix, stripQuestion, letters, answerStyle, chainOfThought);
    }

    /** A letter-answer template, the common case. */
    public McTemplate(String header, String questionPrefix, String optionLine, String answerCue, String answerDelimiter,
                      String shotSuffix, boolean stripQuestion, List<String> letters) {
        this(header, questionPrefix, optionLine, answerCue, answerDelimiter, shotSuffix, stripQuestion, letters,
                AnswerStyle.LETTER);
    }

    /** The header with {@code {subject}} as the subject's display name and {@code {handle}} as its name. */
    public String header(Subject subject) {
        return header.replace("{subject}", subject.displayName()).replace("{handle}", subject.name());
    }

    /** The question as it is asked: {@link #query}, and under chain of thought the opening of the reasoning. */
    public String ask(Item item) {
        return chainOfThought == null ? query(item) : query(item) + answerDelimiter + chainOfThought.askOpening();
    }

    public String query(Item item) {
        if ((answerStyle == AnswerStyle.LETTER || !optionLine.isEmpty()) && item.choices().size() > letters.size()) {
            throw new IllegalArgumentException(item.source() + ": " + item.choices().size()
                    + " choices but the template has only " + letters.size() + " letters");
        }
        StringBuilder sb = new StringBuilder(questionPrefix);
        sb.append(stripQuestion ? item.question().strip() : item.question());
        for (int i = 0; i < item.choices().size() && !optionLine.isEmpty(); i++) {
            sb.append(optionLine.replace("{letter}", letters.get(i)).replace("{text}", item.choices().get(i)));
        }
        return sb.append(answerCue).toString();
    }

    /** A worked example; the item must have a gold answer. */
    public String shot(Item item) {
        if (!item.hasGold()) {
            throw new IllegalArgumentException(item.source() + ": a few-shot example needs a gold answer");
        }
        return query(item) + answerDelimiter + shotAnswer(item) + shotSuffix;
    }

    /** What a worked example shows after the cue: its answer, or under chain of thought the reasoning ending in it. */
    public String shotAnswer(Item item) {
        if (chainOfThought == null) {
            return goldAnswer(item);
        }
        if (item.explanation() == null) {
            throw new IllegalArgumentException(item.source() + ": a chain-of-thought example needs the release's"
                    + " explanation, and item " + item.id() + " has none");
        }
        return chainOfThought.shotOpening() + item.explanation()
                + chainOfThought.shotClosing().replace("{answer}", goldAnswer(item));
    }

    /** What a worked example answers: its gold choice's {@link #answer}, or its gold letters (MMCU's {@code "ABD"}). */
    public String goldAnswer(Item item) {
        if (item.goldLetters() == null) {
            return answer(item, item.gold());
        }
        if (answerStyle != AnswerStyle.LETTER) {
            throw new IllegalArgumentException(item.source() + ": the answer " + item.goldLetters()
                    + " is letters, which a template answering with the choice's text cannot show");
        }
        return item.goldLetters();
    }

    /**
     * Whether {@code label} is one or more distinct letters of {@code letters}, each one character: a well-formed
     * answer of a question that may have several ({@code "ABD"}, not {@code "ABFD"} or {@code "AAB"}).
     */
    public static boolean distinctLetters(String label, List<String> letters) {
        if (label.isEmpty() || label.length() > letters.size()) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            String letter = label.substring(i, i + 1);
            if (!letters.contains(letter) || label.indexOf(letter) != i) {
                return false;
            }
        }
        return true;
    }

    public List<String> continuations(Item item) {
        List<String> out = new ArrayList<>(item.choices().size());
        for (int i = 0; i < item.choices().size(); i++) {
            out.add(answerDelimiter + answer(item, i));
        }
        return out;
    }

    /** What answers choice {@code choice}: its letter, or its text for a cloze template; no delimiter. */
    public String answer(Item item, int choice) {
        return answerStyle == AnswerStyle.LETTER ? letters.get(choice) : item.choices().get(choice);
    }
}
