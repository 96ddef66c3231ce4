package dev.proctor.stats.snr;

import dev.proctor.stats.io.ScoreTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Subtask filtering as their {@code mask_analysis.compute_error_by_subtask}: SNR per subtask, subtasks sorted by
 * it (descending), the aggregate of the top k evaluated for every k, and the prefix with the best aggregate SNR
 * kept (a top-k by individual SNR, not a greedy search). Their aggregate is the mean over the instances of the
 * chosen subtasks; given per-subtask item counts as weights this is the same number, and without counts (a CSV
 * from another tool) the aggregate is the plain mean of the subtasks.
 */
public final class SubtaskFilter {
    private SubtaskFilter() {
    }

    /**
     * @param signal  one row per model
     * @param noise   the checkpoints to use (already cut to the last N)
     * @param weights per subtask (same order as {@code subtasks}), e.g. item counts; null for equal weights
     */
    public static FilterResult filter(String task, List<String> subtasks, double[] weights, ScoreTable signal,
                                      ScoreTable noise, SignalVariant variant) {
        if (subtasks.isEmpty()) {
            throw new IllegalArgumentException("task " + task + " has no subtasks to filter");
        }
        List<Integer> order = new ArrayList<>();
        List<SnrResult> own = new ArrayList<>();
        for (int j = 0; j < subtasks.size(); j++) {
            order.add(j);
            own.add(SignalNoise.of(subtasks.get(j), signal.column(subtasks.get(j)), noise.column(subtasks.get(j)), variant,
                    signal.rows(), noise.rows()));
        }
        // Descending SNR, NaN last; a stable sort keeps the given order among equals.
        order.sort(Comparator.comparingDouble((Integer j) -> Double.isNaN(own.get(j).snr())
                ? Double.POSITIVE_INFINITY : -own.get(j).snr()));
        List<FilterStep> steps = new ArrayList<>();
        int best = 1;
        double bestSnr = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= order.size(); k++) {
            List<Integer> prefix = order.subList(0, k);
            SnrResult aggregate = SignalNoise.of(task + " top " + k, aggregate(signal, subtasks, prefix, weights),
                    aggregate(noise, subtasks, prefix, weights), variant, signal.rows(), noise.rows());
            int added = order.get(k - 1);
            steps.add(new FilterStep(k, subtasks.get(added), own.get(added), aggregate));
            if (aggregate.snr() > bestSnr) {
                bestSnr = aggregate.snr();
                best = k;
            }
        }
        return new FilterResult(task, steps, best);
    }

    private static double[] aggregate(ScoreTable table, List<String> subtasks, List<Integer> prefix, double[] weights) {
        double[] out = new double[table.rows().size()];
        double total = 0;
        for (int j : prefix) {
            total += weights == null ? 1 : weights[j];
        }
        for (int j : prefix) {
            double w = weights == null ? 1 : weights[j];
            double[] column = table.column(subtasks.get(j));
            for (int r = 0; r < out.length; r++) {
                out[r] += w * column[r];
            }
        }
        for (int r = 0; r < out.length; r++) {
            out[r] /= total;
        }
        return out;
    }
}
