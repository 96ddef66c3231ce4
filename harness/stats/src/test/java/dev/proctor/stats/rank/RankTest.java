package dev.proctor.stats.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.stats.Averaging;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.stats.bootstrap.Strata;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankTest {

    @Test
    void identicalRankingsCorrelatePerfectlyAndReversedOnesNegatively() {
        double[] x = {0.9, 0.7, 0.5, 0.3, 0.1};
        RankCorrelation same = RankCorrelation.of(x, x);
        assertEquals(1.0, same.tauB(), 1e-15);
        assertEquals(1.0, same.spearmanRho(), 1e-15);
        assertEquals(2.0 / 120, same.kendallP(), 1e-15, "exact: 2/n! for a perfect ranking without ties");
        RankCorrelation reversed = RankCorrelation.of(x, new double[] {0.1, 0.3, 0.5, 0.7, 0.9});
        assertEquals(-1.0, reversed.tauB(), 1e-15);
        assertEquals(-1.0, reversed.tauC(), 1e-15);
        assertTrue(Double.isNaN(RankCorrelation.of(new double[] {1}, new double[] {2}).tauB()));
    }

    @Test
    void neighboursFarApartNeverFlipAndTwinsAlwaysTie() {
        double[] strong = new double[40];
        double[] weak = new double[40];
        for (int i = 0; i < 40; i++) {
            strong[i] = i % 10 == 0 ? 0 : 1;
            weak[i] = i % 10 == 0 ? 1 : 0;
        }
        BootstrapConfig config = new BootstrapConfig(1000, 5, ConfidenceLevel.NINETY_FIVE);
        List<AdjacentFlip> flips = RankFlips.adjacent(List.of("weak", "strong", "twin"),
                new double[][] {weak, strong, strong.clone()}, Strata.single("all", 40), Averaging.MICRO, false, config);
        assertEquals(2, flips.size());
        assertEquals("strong", flips.get(0).upper(), "ties keep the given order");
        assertEquals("twin", flips.get(0).lower());
        assertEquals(1.0, flips.get(0).pTie());
        assertEquals(0.0, flips.get(0).pFlip());
        assertEquals("weak", flips.get(1).lower());
        assertEquals(0.0, flips.get(1).pFlip(), "0.9 vs 0.1 on 40 items");
    }

    @Test
    void closeNeighboursFlipOftenAndLowerIsBetterIsHonoured() {
        double[] a = new double[60];
        double[] b = new double[60];
        for (int i = 0; i < 60; i++) {
            a[i] = i % 2;
            b[i] = (i % 2 == 1) != (i == 3 || i == 5 || i == 7 || i == 8) ? 1 : 0; // one more right, three wrong
        }
        BootstrapConfig config = new BootstrapConfig(2000, 9, ConfidenceLevel.NINETY_FIVE);
        List<AdjacentFlip> flips = RankFlips.adjacent(List.of("a", "b"), new double[][] {a, b},
                Strata.single("all", 60), Averaging.MICRO, false, config);
        // 30/60 against 28/60 with four discordant items: the order is far from certain.
        assertTrue(flips.get(0).pFlip() > 0.05 && flips.get(0).pFlip() + flips.get(0).pTie() > 0.15, flips.toString());
        List<AdjacentFlip> loss = RankFlips.adjacent(List.of("a", "b"), new double[][] {a, b},
                Strata.single("all", 60), Averaging.MICRO, true, config);
        assertEquals("b", loss.get(0).upper(), "lower is better: the smaller mean leads");
    }
}
