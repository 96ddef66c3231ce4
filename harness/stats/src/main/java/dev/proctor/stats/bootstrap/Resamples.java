package dev.proctor.stats.bootstrap;

/**
 * The bootstrap distributions of several series (runs, models) resampled with the same indices, so that any
 * paired quantity (a difference, an order) can be read off resample by resample.
 *
 * @param micro      [series][b]: mean over all resampled items
 * @param macro      [series][b]: mean of the resampled subject means
 * @param perStratum [series][stratum][b]: each subject's resampled mean
 */
public record Resamples(double[][] micro, double[][] macro, double[][][] perStratum) {

    public int resamples() {
        return micro[0].length;
    }

    /** Resample-wise difference of two series' statistics. */
    public static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
