package dev.proctor.stats.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignFlipTestTest {

    /** Brute force over all 2^n flips, zeros included: what enumerating only the non-zero differences must equal. */
    @Test
    void enumeratingTheNonZeroDifferencesEqualsEnumeratingAllItems() {
        double[] d = {0.3, 0, -0.1, 0.25, 0, 0, 0.05, -0.2, 0.3, 0};
        PermutationResult r = SignFlipTest.test(d, 9999, 1);
        assertTrue(r.exact());
        assertEquals(6, r.nonZero());
        double observed = mean(d);
        int n = d.length;
        int greater = 0;
        int less = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += ((mask >> i) & 1) == 0 ? d[i] : -d[i];
            }
            greater += s / n >= observed - 1e-12 ? 1 : 0;
            less += s / n <= observed + 1e-12 ? 1 : 0;
        }
        assertEquals((double) greater / (1 << n), r.pGreater(), 1e-15);
        assertEquals((double) less / (1 << n), r.pLess(), 1e-15);
        assertEquals(Math.min(1, 2 * Math.min(r.pGreater(), r.pLess())), r.pTwoSided(), 0.0);
    }

    /** For 0/1 scores the exact sign-flip p-value is McNemar's exact p: both are the Binomial(b + c, 1/2) tail. */
    @Test
    void onBinaryScoresTheExactTestIsMcNemarsExactTest() {
        double[] a = {1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1};
        double[] b = {0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1};
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        assertEquals(McNemar.of(a, b).exactP(), SignFlipTest.test(d, 0, 0).pTwoSided(), 1e-12);
    }

    @Test
    void monteCarloFollowsScipyAndApproachesTheExactValue() {
        double[] d = new double[60];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 3 == 0) ? 1 : (i % 7 == 0 ? -1 : (i % 2 == 0 ? 0.5 : -0.4));
        }
        PermutationResult mc = SignFlipTest.test(d, null, 16, 20_000, 5);
        assertFalse(mc.exact());
        assertEquals(20_000, mc.resamples());
        assertTrue(mc.pTwoSided() > 0, "Monte Carlo never gives 0: (count + 1)/(N + 1)");
        PermutationResult again = SignFlipTest.test(d, null, 16, 20_000, 5);
        assertEquals(mc, again, "seeded");
        // A reference value by exact enumeration would need 2^60 flips; check against a large Monte Carlo instead.
        PermutationResult big = SignFlipTest.test(d, null, 16, 200_000, 6);
        assertEquals(big.pTwoSided(), mc.pTwoSided(), 4 * Math.sqrt(big.pTwoSided() / 20_000) + 1e-3);
    }

    @Test
    void allZeroDifferencesGivePOne() {
        PermutationResult r = SignFlipTest.test(new double[20], 999, 0);
        assertTrue(r.exact());
        assertEquals(1.0, r.pTwoSided());
        assertEquals(0.0, r.statistic());
    }

    @Test
    void aWeightedStatisticWeighsEachDifference() {
        double[] d = {1, 1, -1};
        double[] w = {0.25, 0.25, 0.5};
        PermutationResult r = SignFlipTest.test(d, w, 16, 0, 0);
        assertEquals(0.0, r.statistic(), 1e-15);
        assertEquals(1.0, r.pTwoSided());
    }

    private static double mean(double[] d) {
        double s = 0;
        for (double v : d) {
            s += v;
        }
        return s / d.length;
    }
}
