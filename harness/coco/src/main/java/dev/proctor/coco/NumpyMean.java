package dev.proctor.coco;

/**
 * {@code np.mean} of a 1-D float64 array in numpy's order of additions (pairwise summation, numpy's
 * loops_utils.h.src {@code pairwise_sum}: eight interleaved accumulators up to 128 values, halves above), so that
 * summarize's means agree with pycocotools to the last bit, not only to 1e-15.
 */
final class NumpyMean {
    private static final int BLOCK = 128;

    private NumpyMean() {
    }

    /** The mean of {@code x[0..n)}; NaN when n is 0. */
    static double of(double[] x, int n) {
        return n == 0 ? Double.NaN : sum(x, 0, n) / n;
    }

    private static double sum(double[] x, int from, int n) {
        if (n < 8) {
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s += x[from + i];
            }
            return s;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(x, from, r, 0, 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += x[from + i + j];
                }
            }
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                s += x[from + i];
            }
            return s;
        }
        int half = n / 2;
        half -= half % 8;
        return sum(x, from, half) + sum(x, from + half, n - half);
    }
}
