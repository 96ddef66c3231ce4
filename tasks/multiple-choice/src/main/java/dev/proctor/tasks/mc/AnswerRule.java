package dev.proctor.tasks.mc;

import dev.proctor.api.NamedChoice;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an answer letter is read from a generation, by name: the rule is recorded with every generated answer, and
 * "no answer" is counted; an unread answer is replaced by a guess only where a run asks for CMMLU's random letter
 * ({@link NoAnswer}), and then says so item by item.
 */
public enum AnswerRule implements NamedChoice {
    /**
     * Proctor's default: the choice letter the answer opens with (after spaces and punctuation), unless it begins a
     * word ("Because"); else the first choice letter standing alone, not inside a Latin word or number. " B", "B.",
     * "(B)", "BA..." and "答案是B" give B; "Because" gives nothing. The first-option reading lm-evaluation-harness's
     * generative MMLU filters and OpenCompass's first-option postprocessing aim at, without their pattern lists.
     */
    FIRST_LETTER("first-letter", "the choice letter the answer opens with (unless a lower-case letter follows it, as"
            + " in 'Because'), else the first choice letter not inside a Latin word or number"),
    /**
     * lm-evaluation-harness's {@code mmlu_generative} at 4e7e0d47, rule for rule: the text up to the first newline,
     * stripped, must equal the letter once case and ASCII punctuation are ignored ({@code exact_match} with
     * {@code ignore_case} and {@code ignore_punctuation}): "B." and " b" count, "B. wool" does not.
     */
    LM_EVAL_EXACT("lm-eval-exact", "lm-evaluation-harness mmlu_generative: the first line, stripped, equals the letter"
            + " ignoring case and ASCII punctuation"),
    /**
     * C-Eval's zero-shot answer-only rule (hkust-nlp/ceval chatgpt.py): the stripped response's first character when
     * it is A-D, else the last match of the first of its 17 patterns that matches ({@code 答案是 B}, {@code 选B}, ...).
     */
    CEVAL_ZERO_SHOT("ceval-zero-shot", "C-Eval chatgpt.py zero-shot: a leading A-D, else the last match of the first"
            + " matching pattern of extract_ans"),
    /**
     * C-Eval's few-shot answer-only rule: the whole stripped response must equal the letter once lower-cased, ASCII
     * punctuation removed and whitespace collapsed ({@code exact_match}): "B." counts, "B。" does not.
     */
    CEVAL_FEW_SHOT("ceval-few-shot", "C-Eval chatgpt.py few-shot: the whole response equals the letter after"
            + " normalize_answer (case, ASCII punctuation, whitespace)"),
    /**
     * C-Eval's chain-of-thought rule: the last capture of the first matching pattern among {@code 答案是(.+?)。},
     * {@code 答案为(.+?)。}, {@code 选项(.+?)是正确的。}, equal to the letter after {@code normalize_answer}. A capture
     * that is not a letter ({@code 选项B}) is wrong upstream; here it is counted as no letter read.
     */
    CEVAL_COT("ceval-cot", "C-Eval chatgpt.py chain of thought: the last capture of 答案是(.+?)。, else 答案为(.+?)。, else"
            + " 选项(.+?)是正确的。, equal to the letter after normalize_answer"),
    /**
     * OpenCompass {@code first_capital_postprocess} (CMMLU and C-Eval gen configs): the first upper-case character
     * of any script. One that is not a choice letter ("The answer...") is wrong upstream, here no letter read.
     */
    OPENCOMPASS_FIRST_CAPITAL("opencompass-first-capital", "OpenCompass first_capital_postprocess: the first"
            + " upper-case character"),
    /**
     * OpenCompass {@code first_option_postprocess} with the choice letters as options: its 50 patterns and two
     * cushions in order (one joined by a missing comma upstream, kept), the first option letter contained in what
     * the first matching pattern captured ({@code "DA"} gives A).
     */
    OPENCOMPASS_FIRST_OPTION("opencompass-first-option", "OpenCompass first_option_postprocess: its pattern list in"
            + " order, the first option letter in the first match"),
    /**
     * MMCU's rule (Felixgithub2017/MMCU TestChatGPT.py): {@code 、 . , ; ，} deleted from the response, then the first
     * run of one to four of A-D that repeats no letter; none is no answer (upstream's {@code 未成功回答}). It reads
     * several letters ("ABD", in the order written) for questions with several answers; spaces are kept, so "A B"
     * gives "A".
     */
    MMCU("mmcu", "MMCU TestChatGPT.py: 、 . , ; ， deleted, then the first match of [ABCD]{1,4} without a repeated"
            + " letter, the letters kept in order");

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final String id;
    private final String description;

    AnswerRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static AnswerRule parse(String id) {
        return NamedChoice.lookup(AnswerRule.class, "answer rule", id);
    }

    /**
     * The letters the generation answers, as this rule reads them: one of {@code letters}, or for {@link #MMCU} one to
     * four of A-D in the order written; empty when it answers none.
     */
    public Optional<String> read(String generation, List<String> letters) {
        if (this == MMCU) {
            String pred = UpstreamRules.mmcu(generation);
            return pred.equals(UpstreamRules.MMCU_UNANSWERED) ? Optional.empty() : Optional.of(pred);
        }
        return extract(generation, letters).map(letters::get);
    }

    /** Whether the rule may read several letters ({@link #read} then answers a question with several answers). */
    public boolean readsSeveral() {
        return this == MMCU;
    }

    /**
     * The index of the letter the generation answers, or empty when it answers none; for {@link #MMCU}, the index
     * when it read exactly one letter.
     */
    public Optional<Integer> extract(String generation, List<String> letters) {
        return switch (this) {
            case FIRST_LETTER -> firstLetter(generation, letters);
            case LM_EVAL_EXACT -> exact(generation, letters);
            case CEVAL_ZERO_SHOT -> {
                List<String> found = UpstreamRules.cevalExtractAns(pythonStrip(generation));
                yield found.isEmpty() ? Optional.empty() : indexOf(letters, found.get(found.size() - 1));
            }
            case CEVAL_FEW_SHOT -> normalizedLetter(pythonStrip(generation), letters);
            case CEVAL_COT -> {
                List<String> found = UpstreamRules.cevalCotAnswers(generation);
                yield found.isEmpty() ? Optional.empty() : normalizedLetter(found.get(found.size() - 1), letters);
            }
            case OPENCOMPASS_FIRST_CAPITAL -> indexOf(letters, UpstreamRules.firstCapital(generation));
            case OPENCOMPASS_FIRST_OPTION -> indexOf(letters,
                    UpstreamRules.firstOption(generation, String.join("", letters)));
            case MMCU -> indexOf(letters, UpstreamRules.mmcu(generation));
        };
    }

    private static Optional<Integer> indexOf(List<String> letters, String letter) {
        int i = letters.indexOf(letter);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    /** C-Eval's {@code exact_match(text, letter)} for each letter: the one whose normal form equals the text's. */
    private static Optional<Integer> normalizedLetter(String text, List<String> letters) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String normal = UpstreamRules.cevalNormalize(text);
        for (int i = 0; i < letters.size(); i++) {
            if (UpstreamRules.cevalNormalize(letters.get(i)).equals(normal)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> firstLetter(String text, List<String> letters) {
        int start = 0;
        while (start < text.length() && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        for (int i = 0; i < letters.size(); i++) {
            String letter = letters.get(i);
            int end = start + letter.length();
            if (text.startsWith(letter, start)
                    && (end == text.length() || !Character.isLowerCase(text.charAt(end)))) {
                return Optional.of(i);
            }
        }
        StringBuilder alternatives = new StringBuilder();
        for (String letter : letters) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(letter));
        }
        Matcher m = Pattern.compile("(?<![A-Za-z0-9])(" + alternatives + ")(?![A-Za-z0-9])").matcher(text);
        return m.find() ? Optional.of(letters.indexOf(m.group(1))) : Optional.empty();
    }

    private static Optional<Integer> exact(String text, List<String> letters) {
        int newline = text.indexOf('\n');
        String line = normalize(pythonStrip(newline < 0 ? text : text.substring(0, newline)));
        for (int i = 0; i < letters.size(); i++) {
            if (normalize(letters.get(i)).equals(line)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** numpy's {@code char.lower} then the removal of {@code string.punctuation}, as lm-eval's exact_match does. */
    static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (PUNCTUATION.indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Python's {@code str.strip()}: Unicode whitespace ({@link UpstreamRules#PY_SPACE}) at both ends. */
    static String pythonStrip(String s) {
        return UpstreamRules.PY_STRIP.matcher(s).replaceAll("");
    }
}
