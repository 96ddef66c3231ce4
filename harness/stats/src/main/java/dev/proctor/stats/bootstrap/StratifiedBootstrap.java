package dev.proctor.stats.bootstrap;

import dev.proctor.stats.numeric.NumpyMath;
import org.apache.commons.math3.random.Well19937c;

/**
 * The seeded percentile bootstrap: B times, every subject's questions are drawn with replacement (as many as it
 * has) and each series is scored on the same draw. One stratum is the plain bootstrap; the stratum mean is
 * numpy's pairwise mean of the drawn values, so a one-stratum run equals {@link BootstrapReplay} of the indices
 * it drew.
 */
public final class StratifiedBootstrap {
    private StratifiedBootstrap() {
    }

    /**
     * @param series [series][item] scores, all over the same items
     */
    public static Resamples run(double[][] series, Strata strata, BootstrapConfig config) {
        int b = config.resamples();
        int k = strata.size();
        int n = strata.items();
        for (double[] s : series) {
            if (s.length != n) {
                throw new IllegalArgumentException("a series has " + s.length + " items; the strata hold " + n);
            }
        }
        double[][] micro = new double[series.length][b];
        double[][] macro = new double[series.length][b];
        double[][][] perStratum = new double[series.length][k][b];
        Well19937c rng = new Well19937c(config.seed());
        int[] drawn = new int[maxSize(strata)];
        double[] buffer = new double[drawn.length];
        for (int r = 0; r < b; r++) {
            double[] sums = new double[series.length];
            double[] meanSums = new double[series.length];
            for (int s = 0; s < k; s++) {
                int[] members = strata.members()[s];
                for (int j = 0; j < members.length; j++) {
                    drawn[j] = members[rng.nextInt(members.length)];
                }
                for (int v = 0; v < series.length; v++) {
                    for (int j = 0; j < members.length; j++) {
                        buffer[j] = series[v][drawn[j]];
                    }
                    double sum = NumpyMath.sum(buffer, members.length);
                    double mean = sum / members.length;
                    perStratum[v][s][r] = mean;
                    sums[v] += sum;
                    meanSums[v] += mean;
                }
            }
            for (int v = 0; v < series.length; v++) {
                micro[v][r] = sums[v] / n;
                macro[v][r] = meanSums[v] / k;
            }
        }
        return new Resamples(micro, macro, perStratum);
    }

    private static int maxSize(Strata strata) {
        int max = 0;
        for (int[] m : strata.members()) {
            max = Math.max(max, m.length);
        }
        return max;
    }
}
