package dev.proctor.stats.rank;

import dev.proctor.stats.numeric.NumpyMath;
import java.math.BigInteger;

/**
 * The exact two-sided p-value of Kendall's tau without ties, as scipy's {@code _kendall_p_exact} (after Kendall,
 * Rank Correlation Methods, 1970): counts of permutations with at most c discordant pairs, built by cumulative
 * sums, doubled and divided by n!.
 */
final class KendallExact {
    private KendallExact() {
    }

    /**
     * @param n models (no ties)
     * @param c concordant pairs (the distribution is symmetric, so min(c, n(n−1)/2 − c) is used)
     */
    static double twoSided(int n, long c) {
        long pairs = (long) n * (n - 1) / 2;
        c = Math.min(c, pairs - c);
        if (n <= 2) {
            return 1.0;
        }
        if (c == 0) {
            return n < 171 ? 2.0 / factorial(n) : 0.0;
        }
        if (c == 1) {
            return n < 172 ? 2.0 / factorial(n - 1) : 0.0;
        }
        if (4 * c == (long) n * (n - 1)) {
            return 1.0;
        }
        int size = (int) c + 1;
        double[] counts = new double[size];
        counts[0] = 1.0;
        counts[1] = 1.0;
        for (int j = 3; j <= n; j++) {
            for (int i = 1; i < size; i++) {
                counts[i] += counts[i - 1];
            }
            if (j <= c) {
                // new[j:] -= new[:c+1-j], the right-hand side read before any of the subtraction is applied
                double[] shifted = java.util.Arrays.copyOf(counts, size - j);
                for (int i = j; i < size; i++) {
                    counts[i] -= shifted[i - j];
                }
            }
        }
        double total = NumpyMath.sum(counts);
        if (n < 171) {
            return Math.min(1.0, Math.max(0.0, 2.0 * total / factorial(n)));
        }
        throw new IllegalArgumentException("exact Kendall p-value for n = " + n + " is not computed (n > 170)");
    }

    /** n! correctly rounded to a double, as Python converts {@code math.factorial(n)} in a float division. */
    private static double factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f.doubleValue();
    }
}
