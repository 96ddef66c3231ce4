package dev.proctor.core.aggregate;

import dev.proctor.api.metric.Metrics;
import java.util.List;

/**
 * One task's aggregated scores.
 *
 * @param task     task name
 * @param metrics  its metrics and the main one
 * @param subjects per subject, in selection order
 * @param groups   categories in order of first appearance, then overall, each macro then micro; then the task's
 *                 reference averages
 */
public record TaskSummary(String task, Metrics metrics, List<ScoreRow> subjects, List<ScoreRow> groups) {
    public TaskSummary {
        subjects = List.copyOf(subjects);
        groups = List.copyOf(groups);
    }

    /** The overall row of an averaging. */
    public ScoreRow overall(dev.proctor.stats.Averaging averaging) {
        return groups.stream().filter(g -> g.level() == ScoreRow.Level.OVERALL
                && g.averaging().orElse(null) == averaging).findFirst().orElseThrow();
    }
}
