package dev.proctor.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.UnknownNameException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** zero_division's three settings, F1 from replaced P and R, and the averages, worked by hand. */
class PrecisionRecallF1Test {
    private static final List<Label> GOLD = ints(0, 0, 1, 1);
    /** Class 1 is never predicted: its precision is 0/0. */
    private static final List<Label> ALL_ZERO = ints(0, 0, 0, 0);

    static List<Label> ints(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Label::of).toList();
    }

    private static PrecisionRecallF1.Result prf(List<Label> gold, List<Label> predicted, List<Label> labels,
                                                ZeroDivision z) {
        return PrecisionRecallF1.of(ClassCounts.of(gold, predicted, labels), z);
    }

    @Test
    void aZeroOverZeroPrecisionBecomesZeroDivisionsValueAndWarnActsAsZero() {
        for (ZeroDivision z : ZeroDivision.values()) {
            PrecisionRecallF1.Result r = prf(GOLD, ALL_ZERO, ints(0, 1), z);
            double replaced = z == ZeroDivision.ONE ? 1.0 : 0.0;
            PrecisionRecallF1.ClassScores zero = r.perClass().get(0);
            PrecisionRecallF1.ClassScores one = r.perClass().get(1);
            assertEquals(0.5, zero.precision(), 0.0, "2 of 4 predicted 0 are 0");
            assertEquals(1.0, zero.recall(), 0.0);
            assertEquals(2 * 0.5 * 1.0 / 1.5, zero.f1(), 0.0);
            assertEquals(replaced, one.precision(), 0.0, z.id() + ": nothing predicted as 1");
            assertEquals(0.0, one.recall(), 0.0, "0 of 2 found: a real 0, not a 0/0");
            assertEquals(0.0, one.f1(), 0.0, z.id() + ": 2·P·R/(P+R) with R = 0 is 0 even when P became 1");
            assertEquals((0.5 + replaced) / 2, r.macro().precision(), 0.0, z.id() + ": macro averages the replaced");
            assertEquals(0.5, r.macro().recall(), 0.0);
            assertEquals((2 * 0.5 / 1.5) / 2, r.macro().f1(), 0.0);
            assertEquals(new PrecisionRecallF1.Scores(0.5, 0.5, 0.5), r.micro(), "2 right of 4, pooled");
            assertEquals((0.5 * 2 + replaced * 2) / 4, r.weighted().precision(), 0.0, "weighted by support 2 and 2");
            assertEquals(List.of(Label.of(1)), r.precisionZeroDivided());
            assertTrue(r.recallZeroDivided().isEmpty());
        }
    }

    @Test
    void aClassAbsentFromGoldAndPredictionsHasF1OneOnlyWithZeroDivisionOne() {
        // labels=[0, 1, 2]: class 2 is neither gold nor predicted, so both its P and R are 0/0
        for (ZeroDivision z : ZeroDivision.values()) {
            PrecisionRecallF1.ClassScores absent = prf(GOLD, GOLD, ints(0, 1, 2), z).perClass().get(2);
            double expected = z == ZeroDivision.ONE ? 1.0 : 0.0;
            assertEquals(expected, absent.precision(), 0.0, z.id());
            assertEquals(expected, absent.recall(), 0.0, z.id());
            assertEquals(expected, absent.f1(), 0.0, z.id() + ": F1 from the replaced P and R");
            assertEquals(0, absent.support());
        }
        assertEquals(2.0 / 3, prf(GOLD, GOLD, ints(0, 1, 2), ZeroDivision.ZERO).macro().f1(), 1e-15,
                "a listed label absent from the data is a 0 in the macro average");
    }

    @Test
    void f1IsZeroWhenPrecisionAndRecallAreBothZero() {
        PrecisionRecallF1.Result r = prf(ints(0, 1), ints(1, 0), ints(0, 1), ZeroDivision.ONE);
        r.perClass().forEach(c -> assertEquals(0.0, c.f1(), 0.0, "P = R = 0: sklearn sets the denominator to 1"));
    }

    @Test
    void weightedWithoutAnySupportIsZeroDivisionAsSklearnReturnsIt() {
        // labels=[2]: no gold item of the only label; sklearn returns early from the weighted branch
        assertEquals(new PrecisionRecallF1.Scores(1.0, 1.0, 1.0),
                prf(GOLD, GOLD, ints(2), ZeroDivision.ONE).weighted(), "nothing predicted as 2 either");
        assertEquals(new PrecisionRecallF1.Scores(0.0, 1.0, 0.0),
                prf(GOLD, ints(2, 0, 1, 1), ints(2), ZeroDivision.ONE).weighted(), "something predicted as 2");
        assertEquals(new PrecisionRecallF1.Scores(0.0, 0.0, 0.0),
                prf(GOLD, GOLD, ints(2), ZeroDivision.WARN).weighted());
    }

    @Test
    void labelsLeftOutOfTheListChangeNoCountButStillCountInAccuracy() {
        List<Label> predicted = ints(0, 1, 1, 1);
        PrecisionRecallF1.Result onlyOne = prf(GOLD, predicted, ints(1), ZeroDivision.ZERO);
        assertEquals(new PrecisionRecallF1.Scores(2.0 / 3, 1.0, 0.8), onlyOne.micro(),
                "micro pools only the listed labels");
        assertEquals(0.75, ClassificationMetrics.accuracy(GOLD, predicted), 0.0);
    }

    @Test
    void zeroDivisionIsReadAsSklearnWritesIt() {
        assertEquals(ZeroDivision.ZERO, ZeroDivision.parse("0"));
        assertEquals(ZeroDivision.ONE, ZeroDivision.parse("1.0"));
        assertEquals(ZeroDivision.WARN, ZeroDivision.parse("warn"));
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> ZeroDivision.parse("nan"));
        assertTrue(e.getMessage().contains("'nan'") && e.getMessage().contains("0, 1, warn"), e.getMessage());
    }
}
