package dev.proctor.tasks.mmcu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's repr of floats (expected values printed by CPython 3.11). */
class PythonTextTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2.0, 2.0", "2.5, 2.5", "0.1, 0.1", "1e16, 1e+16", "1.5e16, 1.5e+16", "123456789012345.6, 123456789012345.6",
            "0.0001, 0.0001", "0.00001, 1e-05", "-3.25e-7, -3.25e-07", "1e22, 1e+22", "-0.0, -0.0", "NaN, nan",
            "Infinity, inf"})
    void floatReprIsPythons(double x, String expected) {
        assertEquals(expected, PythonText.floatRepr(x));
    }
}
