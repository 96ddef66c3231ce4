package dev.proctor.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class StratifiedBootstrapTest {
    private static final double[] SCORES = {1, 0, 1, 1, 0, 0.25, 0.5, 1, 0, 1, 0.75, 0};

    @Test
    void oneStratumIsThePlainBootstrapAndReplaysTheIndicesItDrew() {
        BootstrapConfig config = new BootstrapConfig(200, 42, ConfidenceLevel.NINETY_FIVE);
        Resamples seeded = StratifiedBootstrap.run(new double[][] {SCORES}, Strata.single("all", SCORES.length), config);
        // The documented draw: Well19937c(seed), nextInt(n) per item, resample after resample.
        Well19937c rng = new Well19937c(42L);
        int[][] indices = new int[200][SCORES.length];
        for (int[] row : indices) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextInt(SCORES.length);
            }
        }
        assertArrayEquals(BootstrapReplay.means(SCORES, indices), seeded.micro()[0], 0.0);
        assertArrayEquals(seeded.micro()[0], seeded.macro()[0], 0.0, "one stratum: micro = macro");
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        Strata strata = Strata.single("all", SCORES.length);
        BootstrapSummary a = summary(strata, 7);
        BootstrapSummary b = summary(strata, 7);
        BootstrapSummary c = summary(strata, 8);
        assertEquals(a, b);
        assertFalse(a.seDdof1() == c.seDdof1(), "a different seed draws differently");
    }

    /**
     * Subject A is all correct and subject B all wrong: resampling within subjects keeps both sizes, so the macro
     * average is 0.5 and the micro average 3/5 in every resample. An unstratified bootstrap would move both.
     */
    @Test
    void resamplingWithinSubjectsKeepsEachSubjectsSize() {
        double[] x = {1, 1, 1, 0, 0};
        Strata strata = Strata.byLabel(List.of("A", "A", "A", "B", "B"));
        assertEquals(List.of("A", "B"), strata.names());
        Resamples res = StratifiedBootstrap.run(new double[][] {x}, strata, BootstrapConfig.defaults());
        assertEquals(BootstrapConfig.DEFAULT_RESAMPLES, res.resamples());
        assertTrue(Arrays.stream(res.macro()[0]).allMatch(v -> v == 0.5));
        assertTrue(Arrays.stream(res.micro()[0]).allMatch(v -> v == 0.6));
        Resamples plain = StratifiedBootstrap.run(new double[][] {x}, Strata.single("all", 5), BootstrapConfig.defaults());
        assertTrue(Arrays.stream(plain.micro()[0]).anyMatch(v -> v != 0.6));
    }

    @Test
    void seriesShareTheirResamplesSoAPairedDifferenceOfEqualSeriesIsZero() {
        Resamples res = StratifiedBootstrap.run(new double[][] {SCORES, SCORES.clone()},
                Strata.single("all", SCORES.length), new BootstrapConfig(500, 3, ConfidenceLevel.NINETY_FIVE));
        BootstrapSummary d = BootstrapSummary.of(Resamples.difference(res.micro()[0], res.micro()[1]),
                ConfidenceLevel.NINETY_FIVE);
        assertEquals(0.0, d.seDdof1());
        assertEquals(0.0, d.ciLow());
        assertEquals(0.0, d.ciHigh());
    }

    @Test
    void aNinetyFivePercentIntervalUsesTheExactPercentiles() {
        assertEquals(2.5, ConfidenceLevel.NINETY_FIVE.lowerPercentile(), 0.0);
        assertEquals(97.5, ConfidenceLevel.NINETY_FIVE.upperPercentile(), 0.0);
        assertEquals(5.0, new ConfidenceLevel(90).lowerPercentile(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceLevel(100));
    }

    private static BootstrapSummary summary(Strata strata, long seed) {
        BootstrapConfig config = new BootstrapConfig(300, seed, ConfidenceLevel.NINETY_FIVE);
        return BootstrapSummary.of(StratifiedBootstrap.run(new double[][] {SCORES}, strata, config).micro()[0],
                config.confidence());
    }
}
