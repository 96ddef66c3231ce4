package dev.proctor.tasks.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answer extraction exactly as the reference scripts do it, each returning what the upstream function returns, so that
 * tests can compare with outputs of the upstream Python itself. Python's {@code re} differs from Java's where these
 * patterns reach: {@code \s} is Unicode whitespace ({@code str.isspace}), braces that are no quantifier are literal,
 * {@code $} and {@code .} know only {@code \n} as a line end; {@link #python} translates a pattern accordingly.
 */
final class UpstreamRules {
    /**
     * The characters Python's {@code str.isspace} takes (and so {@code \s} in a str pattern, and {@code str.split}),
     * as members of a regex class: Java's whitespace ({@code \t\n\x0B\f\r\x1C-\x1F} and the space separators
     * but the no-break ones), its space characters (every separator, the no-break ones included) and NEL.
     */
    static final String PY_SPACE = "\\p{javaWhitespace}\\p{javaSpaceChar}\\x85";
    static final Pattern PY_STRIP = Pattern.compile("^[" + PY_SPACE + "]+|[" + PY_SPACE + "]+\\z");
    private static final Pattern PY_SPACES = Pattern.compile("[" + PY_SPACE + "]+");

    /** hkust-nlp/ceval chatgpt.py {@code extract_ans}, in its order. */
    private static final List<Pattern> CEVAL_ZERO_SHOT = compile(List.of(
            "^选([A-D])", "^选项([A-D])", "答案是\\s?选?项?\\s?([A-D])", "答案为\\s?选?项?\\s?([A-D])",
            "答案应为\\s?选?项?\\s?([A-D])", "答案选\\s?选?项?\\s?([A-D])", "答案是:\\s?选?项?\\s?([A-D])",
            "答案应该是:\\s?选?项?\\s?([A-D])", "正确的一项是\\s?([A-D])", "答案为:\\s?选?项?\\s?([A-D])",
            "答案应为:\\s?选?项?\\s?([A-D])", "答案:\\s?选?项?\\s?([A-D])", "答案是：\\s?选?项?\\s?([A-D])",
            "答案应该是：\\s?选?项?\\s?([A-D])", "答案为：\\s?选?项?\\s?([A-D])", "答案应为：\\s?选?项?\\s?([A-D])",
            "答案：\\s?选?项?\\s?([A-D])"), 0);

    /** hkust-nlp/ceval chatgpt.py {@code eval_subject} with {@code cot}: the three patterns, in order. */
    private static final List<Pattern> CEVAL_COT = compile(List.of("答案是(.+?)。", "答案为(.+?)。", "选项(.+?)是正确的。"), 0);

    /**
     * open-compass/opencompass a5acc4bb text_postprocessors.py {@code first_option_postprocess}, with {@code {options}}
     * to be replaced. One comma is missing upstream after {@code '故选?\s*([{options}])'}, so Python joins it with the
     * next string into one pattern; that joined pattern is kept, under its upstream behaviour.
     */
    private static final List<String> FIRST_OPTION = List.of(
            "答案是?\\s*([{o}])", "答案是?\\s*：\\s*([{o}])", "答案是?\\s*:\\s*([{o}])", "答案选项应?该?是\\s*([{o}])",
            "答案选项应?该?为\\s*([{o}])", "答案应该?是\\s*([{o}])", "答案应该?选\\s*([{o}])", "答案选项为?\\s*：\\s*([{o}])",
            "答案选项为?\\s+\\(?\\*?\\*?([{o}])\\*?\\*?\\)?", "答案选项是?\\s*:\\s*([{o}])", "答案为\\s*([{o}])",
            "答案选\\s*([{o}])", "选择?\\s*([{o}])", "故选?\\s*([{o}])只有选?项?\\s?([{o}])\\s?是?对",
            "只有选?项?\\s?([{o}])\\s?是?错", "只有选?项?\\s?([{o}])\\s?不?正确", "只有选?项?\\s?([{o}])\\s?错误",
            "说法不?对选?项?的?是\\s?([{o}])", "说法不?正确选?项?的?是\\s?([{o}])", "说法错误选?项?的?是\\s?([{o}])",
            "([{o}])\\s?是正确的", "([{o}])\\s?是正确答案", "选项\\s?([{o}])\\s?正确", "所以答\\s?([{o}])",
            "所以\\s?([{o}][.。$]?$)", "所有\\s?([{o}][.。$]?$)", "[\\s，：:,]([{o}])[。，,\\.]?$",
            "[\\s，,：:][故即]([{o}])[。\\.]?$", "[\\s，,：:]因此([{o}])[。\\.]?$", "[是为。]\\s?([{o}])[。\\.]?$",
            "因此\\s?([{o}])[。\\.]?$", "显然\\s?([{o}])[。\\.]?$", "答案是\\s?(\\S+)(?:。|$)", "答案应该是\\s?(\\S+)(?:。|$)",
            "答案为\\s?(\\S+)(?:。|$)", "(?i)ANSWER\\s*:\\s*([{o}])", "[Tt]he answer is:?\\s+\\(?([{o}])\\)?",
            "[Tt]he answer is:?\\s+\\(?\\*?\\*?([{o}])\\*?\\*?\\)?", "[Tt]he answer is option:?\\s+\\(?([{o}])\\)?",
            "[Tt]he correct answer is:?\\s+\\(?([{o}])\\)?", "[Tt]he correct answer is option:?\\s+\\(?([{o}])\\)?",
            "[Tt]he correct answer is:?.*?boxed{([{o}])}", "[Tt]he correct option is:?.*?boxed{([{o}])}",
            "[Tt]he correct answer option is:?.*?boxed{([{o}])}", "[Tt]he answer to the question is:?\\s+\\(?([{o}])\\)?",
            "^选项\\s?([{o}])", "^([{o}])\\s?选?项", "(\\s|^)[{o}][\\s。，,：:\\.$]", "1.\\s?(.*?)$", "1.\\s?([{o}])[.。$]?$",
            // cushion patterns (cushion=True, the default)
            "([{o}]):", "([{o}])");

    private static final Map<String, List<Pattern>> FIRST_OPTION_COMPILED = new ConcurrentHashMap<>();

    /** Felixgithub2017/MMCU TestChatGPT.py's {@code find_valid_substrings} pattern. */
    private static final Pattern MMCU_LETTERS = Pattern.compile("[ABCD]{1,4}");
    /** What TestChatGPT.py records when no letters are found. */
    static final String MMCU_UNANSWERED = "未成功回答";

    private UpstreamRules() {
    }

    /** {@code extract_ans}: the first character when it is A-D, else every match of the first pattern that matches. */
    static List<String> cevalExtractAns(String response) {
        List<String> found = new ArrayList<>();
        if (!response.isEmpty() && "ABCD".indexOf(response.charAt(0)) >= 0) {
            found.add(response.substring(0, 1));
            return found;
        }
        for (Pattern p : CEVAL_ZERO_SHOT) {
            found = findAll(p, response);
            if (!found.isEmpty()) {
                break;
            }
        }
        return found;
    }

    /** The CoT branch: every capture of the first of the three patterns that matches at all. */
    static List<String> cevalCotAnswers(String response) {
        for (Pattern p : CEVAL_COT) {
            List<String> found = findAll(p, response);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** C-Eval's {@code normalize_answer}: lower-case, ASCII punctuation removed, whitespace runs joined by a space. */
    static String cevalNormalize(String s) {
        return String.join(" ", PY_SPACES.splitAsStream(AnswerRule.normalize(s)).filter(w -> !w.isEmpty()).toList());
    }

    /** OpenCompass {@code first_capital_postprocess}: the first upper-case character, or "". */
    static String firstCapital(String text) {
        return text.codePoints().filter(Character::isUpperCase).mapToObj(Character::toString).findFirst().orElse("");
    }

    /** OpenCompass {@code first_option_postprocess(text, options)}: the first option letter found, or "". */
    static String firstOption(String text, String options) {
        String stripped = AnswerRule.pythonStrip(text);
        for (Pattern p : FIRST_OPTION_COMPILED.computeIfAbsent(options, o -> FIRST_OPTION.stream()
                .map(source -> Pattern.compile(python(source.replace("{o}", o)), Pattern.DOTALL | Pattern.UNIX_LINES
                        | Pattern.UNICODE_CASE)).toList())) {
            Matcher m = p.matcher(stripped);
            if (m.find()) {
                String outputs = m.group(1) != null && !m.group(1).isEmpty() ? m.group(1) : m.group(0);
                for (char option : options.toCharArray()) {
                    if (outputs.indexOf(option) >= 0) {
                        return String.valueOf(option);
                    }
                }
            }
        }
        return "";
    }

    /**
     * MMCU TestChatGPT.py's reading of a response: {@code 、 . , ; ，} deleted, then the first match of
     * {@code [ABCD]{1,4}} that repeats no letter, else {@link #MMCU_UNANSWERED}. Spaces stay, so "A B" gives "A".
     */
    static String mmcu(String response) {
        String pred = response.replace("、", "").replace(".", "").replace(",", "").replace(";", "").replace("，", "");
        Matcher m = MMCU_LETTERS.matcher(pred);
        while (m.find()) {
            String letters = m.group();
            if (letters.chars().distinct().count() == letters.length()) {
                return letters;
            }
        }
        return MMCU_UNANSWERED;
    }

    /**
     * A Python {@code re} pattern as Java reads it: {@code \s}/{@code \S} as Python's Unicode whitespace, literal
     * braces escaped (none of the patterns here has a counted repeat).
     */
    static String python(String pattern) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                if (next == 's') {
                    out.append(inClass ? PY_SPACE : "[" + PY_SPACE + "]");
                } else if (next == 'S') {
                    out.append("[^" + PY_SPACE + "]");
                } else {
                    out.append(c).append(next);
                }
                continue;
            }
            if (c == '[' && !inClass) {
                inClass = true;
            } else if (c == ']' && inClass) {
                inClass = false;
            } else if ((c == '{' || c == '}') && !inClass) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<Pattern> compile(List<String> patterns, int flags) {
        return patterns.stream().map(p -> Pattern.compile(python(p), flags | Pattern.UNIX_LINES)).toList();
    }

    /** Python's {@code re.findall} for a pattern with one group: every group-1 capture, left to right. */
    private static List<String> findAll(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
