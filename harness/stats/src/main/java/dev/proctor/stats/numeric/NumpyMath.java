package dev.proctor.stats.numeric;

import java.util.Arrays;

/**
 * Sums, means, standard deviations and percentiles computed in the same order of floating-point operations as
 * numpy 1.24, so that a replayed bootstrap gives the reference tools' numbers to the last bit rather than to
 * 1e-16. numpy sums a contiguous array pairwise (numpy/core/src/umath/loops_utils.h.src, pairwise_sum); a plain
 * loop differs in the last bits as soon as the values are not integers. Arrays up to numpy's buffer size (8192)
 * are reproduced exactly; beyond that numpy may sum in buffer-sized blocks, and the result can differ by an ulp.
 */
public final class NumpyMath {
    /** numpy's PW_BLOCKSIZE: below it, eight interleaved accumulators; above it, split in two. */
    private static final int BLOCK = 128;

    private NumpyMath() {
    }

    /** {@code np.sum(x)} for a 1-D float64 array. */
    public static double sum(double[] x) {
        return pairwise(x, 0, x.length);
    }

    /** {@code np.sum(x[:length])}, for a reused buffer. */
    public static double sum(double[] x, int length) {
        return pairwise(x, 0, length);
    }

    /** {@code np.mean(x)}: the pairwise sum divided by n; NaN for an empty array, as numpy (with a warning). */
    public static double mean(double[] x) {
        return sum(x) / x.length;
    }

    /** {@code np.mean(x[:length])}, for a reused buffer; NaN when length is 0. */
    public static double mean(double[] x, int length) {
        return sum(x, length) / length;
    }

    /** {@code np.var(x, ddof=ddof)}: mean, deviations, squares, pairwise sum, divided by max(n - ddof, 0). */
    public static double var(double[] x, int ddof) {
        double mean = mean(x);
        double[] squares = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean;
            squares[i] = d * d;
        }
        return sum(squares) / Math.max(x.length - ddof, 0);
    }

    /** {@code np.std(x, ddof=ddof)}. */
    public static double std(double[] x, int ddof) {
        return Math.sqrt(var(x, ddof));
    }

    /**
     * {@code np.percentile(x, q)} with the default method 'linear' (Hyndman and Fan type 7, as R's default
     * {@code quantile}). numpy interpolates from the upper neighbour when the fraction is at least one half
     * ({@code _lerp}), which is why its results can differ from R's in the last bit.
     *
     * @param q percentile in [0, 100]; 2.5 and 97.5 give the 95% interval exactly as numpy does
     */
    public static double percentile(double[] x, double q) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return percentileOfSorted(sorted, q);
    }

    /** As {@link #percentile} for an array already sorted ascending. */
    public static double percentileOfSorted(double[] sorted, double q) {
        if (sorted.length == 0 || !(q >= 0 && q <= 100)) {
            return Double.NaN;
        }
        double virtualIndex = (sorted.length - 1) * (q / 100);
        int previous = (int) Math.floor(virtualIndex);
        if (virtualIndex >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double gamma = virtualIndex - previous;
        double a = sorted[previous];
        double b = sorted[previous + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    private static double pairwise(double[] x, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += x[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(x, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += x[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += x[from + i];
            }
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwise(x, from, half) + pairwise(x, from + half, n - half);
    }
}
