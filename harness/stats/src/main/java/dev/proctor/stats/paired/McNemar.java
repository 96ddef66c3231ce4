package dev.proctor.stats.paired;

import java.util.Optional;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * McNemar's test on the discordant pairs of two runs scored on the same items, as statsmodels 0.13
 * ({@code statsmodels.stats.contingency_tables.mcnemar}) computes it.
 *
 * @param b                 items A got right and B wrong
 * @param c                 items A got wrong and B right
 * @param exactStatistic    min(b, c)
 * @param exactP            min(1, 2 · BinomCDF(min(b, c); b + c, ½)); 1 when b = c = 0
 * @param chi2              (|b − c| − 1)² / (b + c), continuity-corrected <em>always</em>, as statsmodels (R's
 *                          {@code mcnemar.test} drops the correction when b = c); +∞ when b = c = 0, as statsmodels
 * @param chi2P             upper tail of χ²(1) at {@code chi2}; 0 when b = c = 0, as statsmodels (R gives NA)
 * @param chi2Uncorrected   (b − c)² / (b + c); NaN when b = c = 0
 * @param chi2UncorrectedP  its upper tail
 */
public record McNemar(int b, int c, double exactStatistic, double exactP, double chi2, double chi2P,
                      double chi2Uncorrected, double chi2UncorrectedP) {

    public static McNemar of(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be non-negative: b=" + b + ", c=" + c);
        }
        int min = Math.min(b, c);
        double exact = Math.min(1.0, 2 * new BinomialDistribution(null, b + c, 0.5).cumulativeProbability(min));
        double diff = Math.abs(b - c);
        // Double division, so b = c = 0 gives +inf (corrected) and NaN (uncorrected) exactly as numpy does.
        double corrected = (diff - 1) * (diff - 1) / (double) (b + c);
        double uncorrected = diff * diff / (double) (b + c);
        return new McNemar(b, c, min, exact, corrected, chiSquareOneDfUpperTail(corrected),
                uncorrected, chiSquareOneDfUpperTail(uncorrected));
    }

    /** Counts the discordant pairs of two 0/1 vectors; {@link #isBinary} must hold for both. */
    public static McNemar of(double[] a, double[] bScores) {
        if (a.length != bScores.length || !isBinary(a) || !isBinary(bScores)) {
            throw new IllegalArgumentException("McNemar needs two 0/1 correctness vectors of the same length");
        }
        int b = 0;
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 1 && bScores[i] == 0) {
                b++;
            } else if (a[i] == 0 && bScores[i] == 1) {
                c++;
            }
        }
        return of(b, c);
    }

    /** Why no p-value can be reported: with no discordant pairs the test has no information. */
    public Optional<String> undefined() {
        return b + c == 0 ? Optional.of("no discordant pairs (b = c = 0): McNemar's test has no information")
                : Optional.empty();
    }

    public static boolean isBinary(double[] x) {
        for (double v : x) {
            if (v != 0 && v != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * P(χ²(1) > x) = erfc(sqrt(x/2)): the same function as {@code chi2.sf(x, 1)}, computed without the
     * cancellation of 1 − CDF so that small p-values keep their relative precision.
     */
    static double chiSquareOneDfUpperTail(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        return Erf.erfc(Math.sqrt(x / 2));
    }
}
