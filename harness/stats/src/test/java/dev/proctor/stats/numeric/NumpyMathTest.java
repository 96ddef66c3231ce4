package dev.proctor.stats.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Bit-for-bit agreement with numpy on x_i = ((7919 i) mod 1000) / 997, the golden values printed by numpy
 * (np.sum, np.mean, np.std ddof 0 and 1, np.percentile 2.5 / 97.5 / 33.3). The sizes cover every branch of
 * numpy's pairwise sum: under 8, the 8-accumulator block, exactly 128, and the recursive split.
 */
class NumpyMathTest {

    @ParameterizedTest(name = "n = {0}")
    @CsvSource({
        "5, 3.199598796389167, 0.6399197592778334, 0.3301134175352539, 0.3690780209467994, 0.06780341023069207, 0.9136409227683049, 0.7050070210631896",
        "12, 5.671013039117352, 0.472584419926446, 0.2842679390674017, 0.2969081789772626, 0.030065195586760286, 0.8994232698094282, 0.32568004012036106",
        "128, 63.8234704112337, 0.4986208625877633, 0.29278241431808083, 0.2939328408099925, 0.012362086258776335, 0.9583500501504514, 0.33186860581745237",
        "129, 64.45737211634905, 0.4996695512895275, 0.29188662490511175, 0.29302458877208265, 0.012838515546639924, 0.9582748244734203, 0.33287061183550654",
        "1000, 501.00300902708125, 0.5010030090270813, 0.2895436211205712, 0.28968850160055104, 0.025050150451354065, 0.9769558676028084, 0.3336680040120361",
        "5000, 2505.015045135406, 0.5010030090270812, 0.2895436211205712, 0.2895725798265616, 0.025050150451354072, 0.9769558676028081, 0.33366800401203606",
    })
    void matchesNumpyToTheLastBit(int n, double sum, double mean, double std0, double std1, double p025, double p975,
                                  double p333) {
        double[] x = sample(n);
        assertEquals(sum, NumpyMath.sum(x), 0.0);
        assertEquals(mean, NumpyMath.mean(x), 0.0);
        assertEquals(std0, NumpyMath.std(x, 0), 0.0);
        assertEquals(std1, NumpyMath.std(x, 1), 0.0);
        assertEquals(p025, NumpyMath.percentile(x, 2.5), 0.0);
        assertEquals(p975, NumpyMath.percentile(x, 97.5), 0.0);
        assertEquals(p333, NumpyMath.percentile(x, 33.3), 0.0);
    }

    @Test
    void pairwiseSumDiffersFromALeftToRightLoopWhereNumpyDoes() {
        double[] x = sample(1000);
        double naive = 0;
        for (double v : x) {
            naive += v;
        }
        assertEquals(501.0030090270812, naive, 0.0, "Python's sum(), as printed by Python");
        assertNotEquals(naive, NumpyMath.sum(x));
    }

    /**
     * Commons Math's R-7 is the same estimator as numpy's 'linear', but it forms the index as 1 + (n − 1)p and
     * subtracts 1 again, which loses bits of the fraction (n = 2, p = 2.5%: 0.023044132397191493 against numpy's
     * 0.023044132397191577). Hence our own numpy-order percentile; the two agree to 1e-15 on values in [0, 1].
     */
    @Test
    void commonsMathR7IsNumpyLinearUpToRounding() {
        Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
        for (int n : new int[] {2, 7, 50, 200, 1001}) {
            double[] x = sample(n);
            for (double q : new double[] {2.5, 25, 50, 97.5}) {
                double ours = NumpyMath.percentile(x, q);
                assertTrue(Math.abs(ours - r7.evaluate(x, q)) <= 1e-15, n + " " + q);
            }
        }
    }

    @Test
    void percentileEdges() {
        double[] x = {3, 1, 2};
        assertEquals(1, NumpyMath.percentile(x, 0), 0.0);
        assertEquals(3, NumpyMath.percentile(x, 100), 0.0);
        assertEquals(2, NumpyMath.percentile(x, 50), 0.0);
        assertEquals(5, NumpyMath.percentile(new double[] {5}, 2.5), 0.0);
        assertTrue(Double.isNaN(NumpyMath.percentile(new double[0], 50)));
        assertTrue(Double.isNaN(NumpyMath.std(new double[] {1}, 1)), "numpy: ddof = n gives NaN");
    }

    static double[] sample(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ((i * 7919L) % 1000) / 997.0;
        }
        return x;
    }
}
