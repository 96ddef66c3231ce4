package dev.proctor.stats.bootstrap;

import dev.proctor.stats.numeric.NumpyMath;

/**
 * A bootstrap of the mean replayed from a given index matrix, as the peers' {@code a[idx].mean(axis=1)}: this is
 * how our numbers are checked against theirs, since numpy's PCG64 stream itself is not reproduced.
 */
public final class BootstrapReplay {
    private BootstrapReplay() {
    }

    /** The B resampled means, row b being the mean of {@code values[indices[b][j]]} over j (numpy's pairwise sum). */
    public static double[] means(double[] values, int[][] indices) {
        double[] means = new double[indices.length];
        double[] row = new double[values.length];
        for (int b = 0; b < indices.length; b++) {
            if (indices[b].length != values.length) {
                throw new IllegalArgumentException("index row " + b + " has " + indices[b].length
                        + " entries; the data has " + values.length + " items");
            }
            for (int j = 0; j < row.length; j++) {
                row[j] = values[indices[b][j]];
            }
            means[b] = NumpyMath.mean(row);
        }
        return means;
    }

    public static BootstrapSummary ofMean(double[] values, int[][] indices, ConfidenceLevel confidence) {
        return BootstrapSummary.of(means(values, indices), confidence);
    }
}
