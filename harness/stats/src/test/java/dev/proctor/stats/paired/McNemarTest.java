package dev.proctor.stats.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class McNemarTest {

    @Test
    void exactPValueIsTwiceTheBinomialTail() {
        McNemar m = McNemar.of(10, 5);
        // 2 * sum_{k<=5} C(15,k) / 2^15 = 2 * 4944 / 32768
        assertEquals(2 * 4944 / 32768.0, m.exactP(), 1e-14, "Commons Math's regularized beta: within 1.1e-15");
        assertEquals(5, m.exactStatistic());
        assertEquals(16.0 / 15, m.chi2(), 1e-15);
        assertEquals(25.0 / 15, m.chi2Uncorrected(), 1e-15);
    }

    /** statsmodels always applies the continuity correction; R's mcnemar.test drops it when b = c. */
    @Test
    void continuityCorrectionAlsoWhenTheDiscordantCountsAreEqual() {
        McNemar m = McNemar.of(5, 5);
        assertEquals(0.1, m.chi2(), 1e-15, "(|5-5| - 1)^2 / 10; R would report 0");
        assertEquals(0.7518296340458492, m.chi2P(), 1e-12, "chi2.sf(0.1, 1)");
        assertEquals(1.0, m.exactP(), 0.0, "capped at 1");
    }

    @Test
    void noDiscordantPairsGiveInfinityAndZeroAsStatsmodels() {
        McNemar m = McNemar.of(0, 0);
        assertEquals(Double.POSITIVE_INFINITY, m.chi2());
        assertEquals(0.0, m.chi2P());
        assertTrue(Double.isNaN(m.chi2Uncorrected()));
        assertEquals(1.0, m.exactP());
    }

    @Test
    void countsOnlyDiscordantItemsAndRefusesNonBinaryScores() {
        McNemar m = McNemar.of(new double[] {1, 1, 0, 0, 1}, new double[] {1, 0, 1, 0, 0});
        assertEquals(2, m.b());
        assertEquals(1, m.c());
        assertThrows(IllegalArgumentException.class, () -> McNemar.of(new double[] {0.5}, new double[] {1}));
    }

    @Test
    void smallPValuesKeepTheirPrecision() {
        McNemar m = McNemar.of(400, 10);
        assertTrue(m.chi2P() > 0 && m.chi2P() < 1e-70, "erfc, not 1 - CDF: " + m.chi2P());
    }
}
