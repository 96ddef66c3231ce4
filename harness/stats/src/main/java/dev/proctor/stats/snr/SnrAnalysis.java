package dev.proctor.stats.snr;

import dev.proctor.api.ProctorException;
import dev.proctor.stats.io.ScoreTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signal and noise of every column two tables share, subtask filtering per task, and decision accuracy against
 * a target-scale table: what {@code proctor snr} computes.
 */
public final class SnrAnalysis {
    private SnrAnalysis() {
    }

    /**
     * @param signal  models (rows sharing a name are one model's checkpoints, in training order)
     * @param noise   checkpoints of one run, in training order
     * @param target  the same models at the target scale, or null
     */
    public static SnrReport analyze(ScoreTable signal, ScoreTable noise, ScoreTable target, SnrSettings settings) {
        ScoreTable models = CheckpointAveraging.perModel(signal, settings.averageLastK());
        ScoreTable checkpoints = settings.lastN() > 0 ? noise.lastRows(settings.lastN()) : noise;
        List<String> shared = sharedColumns(models, checkpoints);
        List<SnrResult> columns = new ArrayList<>();
        for (String c : models.columns()) {
            columns.add(shared.contains(c)
                    ? SignalNoise.of(c, models.column(c), checkpoints.column(c), settings.variant(), models.rows(),
                            checkpoints.rows())
                    : SnrResult.missing(c, models.rows().size(), "not in the noise table " + checkpoints.source()));
        }
        List<FilterResult> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> task : settings.subtasks().entrySet()) {
            List<String> subtasks = task.getValue().stream().filter(shared::contains).toList();
            if (subtasks.size() < 2) {
                continue;
            }
            double[] weights = null;
            if (subtasks.stream().allMatch(settings.weights()::containsKey)) {
                weights = subtasks.stream().mapToDouble(settings.weights()::get).toArray();
            }
            filters.add(SubtaskFilter.filter(task.getKey(), subtasks, weights, models, checkpoints, settings.variant()));
        }
        filters.sort(java.util.Comparator.comparing(FilterResult::task));
        Map<String, Double> decision = new LinkedHashMap<>();
        if (target != null) {
            ScoreTable targetModels = CheckpointAveraging.perModel(target, settings.averageLastK());
            if (!targetModels.rows().equals(models.rows())) {
                throw new ProctorException("decision accuracy needs the same models in the same order at both scales: "
                        + models.source() + " has " + models.rows() + ", " + targetModels.source() + " has "
                        + targetModels.rows());
            }
            for (String c : shared) {
                if (targetModels.columns().contains(c)) {
                    decision.put(c, DecisionAccuracy.of(
                            DecisionAccuracy.oriented(models.column(c), settings.lowerIsBetter()),
                            DecisionAccuracy.oriented(targetModels.column(c), settings.lowerIsBetter())));
                }
            }
        }
        return new SnrReport(columns, filters, decision, models.rows(), checkpoints.rows());
    }

    /** Columns in both tables, in the signal table's order; none shared is an error naming both sides. */
    static List<String> sharedColumns(ScoreTable models, ScoreTable checkpoints) {
        Set<String> noiseColumns = new LinkedHashSet<>(checkpoints.columns());
        List<String> shared = models.columns().stream().filter(noiseColumns::contains).toList();
        if (shared.isEmpty()) {
            throw new ProctorException("the signal table " + models.source() + " and the noise table "
                    + checkpoints.source() + " share no column; signal columns: " + head(models.columns())
                    + "; noise columns: " + head(checkpoints.columns()));
        }
        return shared;
    }

    private static String head(List<String> columns) {
        return String.join(", ", columns.subList(0, Math.min(10, columns.size()))) + (columns.size() > 10 ? ", ..." : "");
    }
}
