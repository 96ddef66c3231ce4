package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seeded random letter is the one Python draws as NoAnswer's javadoc says (expected values printed by CPython 3.11). */
class NoAnswerTest {
    private static final List<String> ABCD = List.of("A", "B", "C", "D");

    @ParameterizedTest(name = "seed {0}, item {1}, {2} letters: {3}")
    @CsvSource({
            "1, algebra/test/0, 4, C",
            "1, algebra/test/1, 4, D",
            "1234, q1, 4, A",
            "1234, q2, 4, D",
            "1234, 内科学/test/0, 4, A",
            "7, x, 3, C",
            "-5, y, 4, A"})
    void theLetterIsPythonsRandrangeSeededFromTheRunSeedAndTheItem(long seed, String id, int n, String letter) {
        assertEquals(Optional.of(letter), NoAnswer.parse("random-letter", seed).letter(id, ABCD.subList(0, n)));
        assertEquals(Optional.empty(), NoAnswer.parse("wrong", seed).letter(id, ABCD));
    }
}
