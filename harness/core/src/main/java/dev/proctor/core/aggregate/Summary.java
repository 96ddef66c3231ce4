package dev.proctor.core.aggregate;

import dev.proctor.stats.bootstrap.BootstrapConfig;
import java.util.List;

/**
 * Every task's aggregated scores.
 *
 * @param tasks     in selection order
 * @param bootstrap how the intervals were drawn
 */
public record Summary(List<TaskSummary> tasks, BootstrapConfig bootstrap) {
    public Summary {
        tasks = List.copyOf(tasks);
    }

    public TaskSummary task(String name) {
        return tasks.stream().filter(t -> t.task().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task " + name + " in the summary"));
    }

    /** Subject rows of every task. */
    public List<ScoreRow> subjectRows() {
        return tasks.stream().flatMap(t -> t.subjects().stream()).toList();
    }
}
