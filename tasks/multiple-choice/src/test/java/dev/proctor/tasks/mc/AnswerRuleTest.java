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

    @Test
    void pythonsStripAndStringPunctuationAreReproduced() {
        assertEquals("x", AnswerRule.pythonStrip("\u00a0\u2003x\u001f\u0085 "));
        assertEquals("ab", AnswerRule.normalize("{A}.!-B~"));
    }

    private static Optional<Integer> letter(String expected) {
        return expected.strip().equals("-") ? Optional.empty() : Optional.of(LETTERS.indexOf(expected.strip()));
    }
}
