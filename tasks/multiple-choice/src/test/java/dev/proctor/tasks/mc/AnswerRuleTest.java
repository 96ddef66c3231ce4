package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerRuleTest {
    private static final List<String> LETTERS = List.of("A", "B", "C", "D");

    @ParameterizedTest(name = "first-letter: [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "' B'| B",
            "B.| B",
            "(C) because| C",
            "DAostanAAos| D",
            "CCCC| C",
            "答案是B| B",
            "The answer is C.| C",
            "Because it is A| A",
            "Bostan mainly exports| -",
            "none of them| -",
            "''| -"})
    void firstLetter(String text, String expected) {
        assertEquals(letter(expected), AnswerRule.FIRST_LETTER.extract(text == null ? "" : text, LETTERS));
    }

    @ParameterizedTest(name = "lm-eval-exact: [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "' B'| B",
            "b.| B",
            "' (C) '| C",
            "D\\nmore lines| D",
            "B. wool| -",
            "The answer is C| -",
            "BB| -"})
    void lmEvalExactIsTheFirstLineEqualToTheLetterIgnoringCaseAndPunctuation(String text, String expected) {
        assertEquals(letter(expected), AnswerRule.LM_EVAL_EXACT.extract(text.replace("\\n", "\n"), LETTERS));
    }

    @ParameterizedTest(name = "mmcu: [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ABD| ABD",
            "A、B、D| ABD",
            "答案是BA| BA",
            "A B| A",
            "AAB| -",
            "ABCDA| ABCD",
            "DNA| D",
            "无法回答| -"})
    void mmcuReadsTheFirstRunOfDistinctLettersInTheOrderWritten(String text, String expected) {
        Optional<String> read = AnswerRule.MMCU.read(text, LETTERS);
        assertEquals(expected.strip().equals("-") ? Optional.empty() : Optional.of(expected.strip()), read);
        assertEquals(read.filter(r -> r.length() == 1).map(LETTERS::indexOf), AnswerRule.MMCU.extract(text, LETTERS),
                "extract gives an index only for one letter");
        assertEquals(true, AnswerRule.MMCU.readsSeveral());
    }

    @Test
    void singleLetterRulesReadTheLetterOfTheIndexTheyExtract() {
        for (AnswerRule rule : AnswerRule.values()) {
            for (String text : List.of("C", "答案是C。", "B.", "none")) {
                if (!rule.readsSeveral()) {
                    assertEquals(rule.extract(text, LETTERS).map(LETTERS::get), rule.read(text, LETTERS), rule.id());
                }
            }
        }
        assertEquals(Optional.of("C"), AnswerRule.CEVAL_COT.read("答案是C。", LETTERS));
    }

    @Test
    void pythonsStripAndStringPunctuationAreReproduced() {
        assertEquals("x", AnswerRule.pythonStrip("\u00a0\u2003x\u001f\u0085 "));
        assertEquals("ab", AnswerRule.normalize("{A}.!-B~"));
    }

    private static Optional<Integer> letter(String expected) {
        return expected.strip().equals("-") ? Optional.empty() : Optional.of(LETTERS.indexOf(expected.strip()));
    }
}
