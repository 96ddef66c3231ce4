package dev.proctor.stats.snr;

import java.util.List;
import java.util.Map;

/**
 * How {@link SnrAnalysis} reads its tables, recorded in the report.
 *
 * @param lastN         checkpoints of the noise run to use, from the end (0: all given)
 * @param averageLastK  per model, average its last k checkpoints before computing signal (1: final only)
 * @param variant       signal formula
 * @param lowerIsBetter the scores are losses or bits per byte: sign flipped for ranking (decision accuracy)
 * @param subtasks      per task, its subtask columns (filtering runs on each)
 * @param weights       per subtask column, its weight in the aggregate (item counts); absent = equal weights
 */
public record SnrSettings(int lastN, int averageLastK, SignalVariant variant, boolean lowerIsBetter,
                          Map<String, List<String>> subtasks, Map<String, Double> weights) {
    public SnrSettings {
        subtasks = Map.copyOf(subtasks);
        weights = Map.copyOf(weights);
    }
}
