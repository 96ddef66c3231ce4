package dev.proctor.stats.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import org.junit.jupiter.api.Test;

class PairedStatisticsTest {

    /**
     * Two runs that agree on most items: the paired standard error of the difference is far below what an unpaired
     * z-test would assume (sqrt(se_a² + se_b²)), which is why only paired statistics are offered.
     */
    @Test
    void pairedErrorIsSmallerThanTheUnpairedOneOnCorrelatedRuns() {
        double[] a = new double[200];
        double[] b = new double[200];
        for (int i = 0; i < 200; i++) {
            a[i] = i % 2;
            b[i] = (i % 2 == 1 || i % 20 == 0) ? 1 : 0; // b also gets every 20th item right
        }
        PairedStatistics s = PairedStatistics.compute(a, b, new PairedOptions(
                new BootstrapConfig(2000, 11, ConfidenceLevel.NINETY_FIVE), 9999, 16));
        double unpaired = Math.hypot(s.a().lmEval(), s.b().lmEval());
        assertTrue(s.difference().lmEval() < unpaired / 3, s.difference().lmEval() + " vs " + unpaired);
        assertEquals(-0.05, s.difference().mean(), 1e-15);
        assertTrue(s.bootstrapDifference().ciHigh() < 0, "b is better on 10 of 200 items and never worse");
        McNemar m = s.mcnemar().orElseThrow();
        assertEquals(0, m.b());
        assertEquals(10, m.c());
        assertTrue(s.permutation().exact(), "10 non-zero differences: enumerated exactly");
        assertEquals(m.exactP(), s.permutation().pTwoSided(), 1e-12);
    }

    @Test
    void mcNemarIsLeftOutForContinuousScores() {
        PairedStatistics s = PairedStatistics.compute(new double[] {0.2, 0.4, 0.9}, new double[] {0.1, 0.5, 0.9},
                PairedOptions.defaults());
        assertTrue(s.mcnemar().isEmpty());
        assertEquals(BootstrapConfig.DEFAULT_SEED, s.options().bootstrap().seed());
    }
}
