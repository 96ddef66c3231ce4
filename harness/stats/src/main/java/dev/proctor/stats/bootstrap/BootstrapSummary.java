package dev.proctor.stats.bootstrap;

import dev.proctor.stats.numeric.NumpyMath;

/**
 * What a bootstrap distribution of one statistic says: its standard error and its percentile interval.
 *
 * @param resamples   B
 * @param seDdof1     std of the B statistics, ddof = 1 (the peers' and scipy's {@code standard_error})
 * @param seDdof0     the same with ddof = 0
 * @param ciLow       lower percentile, numpy 'linear' (R type 7)
 * @param ciHigh      upper percentile
 * @param confidence  the interval's level
 * @param meanOfResamples mean of the B statistics
 */
public record BootstrapSummary(int resamples, double seDdof1, double seDdof0, double ciLow, double ciHigh,
                               ConfidenceLevel confidence, double meanOfResamples) {

    public static BootstrapSummary of(double[] statistics, ConfidenceLevel confidence) {
        double[] sorted = statistics.clone();
        java.util.Arrays.sort(sorted);
        return new BootstrapSummary(statistics.length,
                NumpyMath.std(statistics, 1), NumpyMath.std(statistics, 0),
                NumpyMath.percentileOfSorted(sorted, confidence.lowerPercentile()),
                NumpyMath.percentileOfSorted(sorted, confidence.upperPercentile()),
                confidence, NumpyMath.mean(statistics));
    }

    /** True when the interval lies entirely below zero. */
    public boolean entirelyBelowZero() {
        return ciHigh < 0;
    }
}
