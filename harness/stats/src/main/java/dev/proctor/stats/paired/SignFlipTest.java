package dev.proctor.stats.paired;

import dev.proctor.stats.numeric.NumpyMath;
import org.apache.commons.math3.random.Well19937c;

/**
 * The paired permutation test: under the null hypothesis each item's two scores are exchangeable, so each
 * difference keeps its size and gets a random sign. Exact enumeration when the non-zero differences are few,
 * otherwise Monte Carlo with scipy's {@code permutation_test(permutation_type='samples')} conventions.
 */
public final class SignFlipTest {
    /** Exact enumeration up to this many non-zero differences (2^16 = 65,536 assignments). */
    public static final int DEFAULT_EXACT_MAX = 16;
    /** scipy's default {@code n_resamples}. */
    public static final int DEFAULT_RESAMPLES = 9999;
    /** The peers' tolerance for a T* equal to T in exact enumeration (stats_peer.py). */
    static final double EXACT_TOLERANCE = 1e-12;
    public static final String DEFINITION = "sign flips of d = a - b, statistic mean(d); exact: all 2^m sign"
            + " assignments of the m non-zero differences, ties within 1e-12; Monte Carlo: N random assignments,"
            + " p_less = (#{T* <= T+g} + 1)/(N + 1), p_greater likewise, g = max(1e-14, 1e-14|T|); two-sided ="
            + " min(1, 2 min(p_less, p_greater)) as scipy.stats.permutation_test";

    private SignFlipTest() {
    }

    /** Mean difference, exact when at most {@link #DEFAULT_EXACT_MAX} differences are non-zero. */
    public static PermutationResult test(double[] d, int resamples, long seed) {
        return test(d, null, DEFAULT_EXACT_MAX, resamples, seed);
    }

    /**
     * @param d        paired differences a − b
     * @param weights  per-item weights of a weighted statistic Σ wᵢdᵢ (a macro average weights 1/(k·n_subject));
     *                 null for the plain mean
     * @param exactMax enumerate exactly when the non-zero differences are at most this many
     */
    public static PermutationResult test(double[] d, double[] weights, int exactMax, int resamples, long seed) {
        int n = d.length;
        double observed;
        if (weights == null) {
            observed = NumpyMath.mean(d);
        } else {
            observed = 0;
            for (int i = 0; i < n; i++) {
                observed += weights[i] * d[i];
            }
        }
        int m = 0;
        for (double v : d) {
            m += v != 0 ? 1 : 0;
        }
        // Each non-zero term's contribution; the statistic under a sign assignment is the signed sum (÷ n for a mean).
        double[] terms = new double[m];
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] != 0) {
                terms[t++] = weights == null ? d[i] : weights[i] * d[i];
            }
        }
        double scale = weights == null ? n : 1;
        return m <= exactMax ? exact(observed, terms, scale) : monteCarlo(observed, terms, scale, resamples, seed);
    }

    private static PermutationResult exact(double observed, double[] terms, double scale) {
        int m = terms.length;
        long assignments = 1L << m;
        long greater = 0;
        long less = 0;
        long absolute = 0;
        double g = EXACT_TOLERANCE;
        for (long mask = 0; mask < assignments; mask++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += ((mask >>> j) & 1) == 0 ? terms[j] : -terms[j];
            }
            double value = sum / scale;
            greater += value >= observed - g ? 1 : 0;
            less += value <= observed + g ? 1 : 0;
            absolute += Math.abs(value) >= Math.abs(observed) - g ? 1 : 0;
        }
        double pGreater = (double) greater / assignments;
        double pLess = (double) less / assignments;
        return new PermutationResult(observed, Math.min(1.0, 2 * Math.min(pGreater, pLess)), pGreater, pLess,
                (double) absolute / assignments, true, m, 0, 0);
    }

    private static PermutationResult monteCarlo(double observed, double[] terms, double scale, int resamples,
                                                long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("Monte Carlo permutation needs at least 1 resample, got " + resamples);
        }
        Well19937c rng = new Well19937c(seed);
        double g = Math.max(1e-14, 1e-14 * Math.abs(observed));
        long greater = 0;
        long less = 0;
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            int bits = 0;
            for (int j = 0; j < terms.length; j++) {
                if ((j & 31) == 0) {
                    bits = rng.nextInt();
                }
                sum += ((bits >>> (j & 31)) & 1) == 0 ? terms[j] : -terms[j];
            }
            double value = sum / scale;
            greater += value >= observed - g ? 1 : 0;
            less += value <= observed + g ? 1 : 0;
        }
        double pGreater = (greater + 1.0) / (resamples + 1.0);
        double pLess = (less + 1.0) / (resamples + 1.0);
        return new PermutationResult(observed, Math.min(1.0, 2 * Math.min(pGreater, pLess)), pGreater, pLess,
                Double.NaN, false, terms.length, resamples, seed);
    }
}
