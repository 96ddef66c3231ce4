package dev.proctor.stats.snr;

import dev.proctor.stats.io.ScoreTable;
import dev.proctor.stats.numeric.NumpyMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A model's score averaged over its last k checkpoints ({@code np.mean(scores[-k:])}) before ranking or fitting,
 * which the paper shows lowers noise. (Averaging the checkpoint weights is a different intervention.)
 */
public final class CheckpointAveraging {
    private CheckpointAveraging() {
    }

    public static double lastK(double[] series, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        return NumpyMath.mean(Arrays.copyOfRange(series, Math.max(0, series.length - k), series.length));
    }

    /**
     * One row per model: rows sharing a name are that model's checkpoints in training order, and each column is
     * averaged over the model's last k of them. k = 1 keeps each model's final checkpoint.
     */
    public static ScoreTable perModel(ScoreTable table, int k) {
        Map<String, List<Integer>> byName = table.rowsByName();
        List<String> names = new ArrayList<>(byName.keySet());
        double[][] values = new double[names.size()][table.columns().size()];
        for (int m = 0; m < names.size(); m++) {
            List<Integer> rows = byName.get(names.get(m));
            for (int c = 0; c < table.columns().size(); c++) {
                double[] series = new double[rows.size()];
                for (int i = 0; i < series.length; i++) {
                    series[i] = table.values()[rows.get(i)][c];
                }
                values[m][c] = lastK(series, k);
            }
        }
        return new ScoreTable(table.source(), names, table.columns(), values);
    }
}
