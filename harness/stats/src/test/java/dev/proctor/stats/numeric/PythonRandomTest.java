package dev.proctor.stats.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CPython 3 {@code random.Random(seed)}: values printed by Python itself. */
class PythonRandomTest {

    @Test
    void randomMatchesCPython() {
        PythonRandom r = new PythonRandom(0);
        assertEquals(0.8444218515250481, r.random(), 0.0);
        assertEquals(0.7579544029403025, r.random(), 0.0);
        assertEquals(0.420571580830845, r.random(), 0.0);
        assertEquals(0.6394267984578837, new PythonRandom(42).random(), 0.0);
    }

    @Test
    void seedsAboveThirtyTwoBitsUseTwoKeyWords() {
        assertEquals(0.8552782713307362, new PythonRandom(3_000_000_000L).random(), 0.0);
        assertEquals(0.5043802970418443, new PythonRandom((1L << 40) + 5).random(), 0.0);
    }

    @Test
    void choicesMatchCPython() {
        PythonRandom r = new PythonRandom(7);
        int[] drawn = new int[10];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = r.choiceIndex(10);
        }
        assertArrayEquals(new int[] {3, 1, 6, 0, 5, 3, 0, 5, 0, 4}, drawn, "random.Random(7).choices(range(10), k=10)");
    }
}
