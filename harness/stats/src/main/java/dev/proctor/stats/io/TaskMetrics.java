package dev.proctor.stats.io;

import java.util.Objects;
import java.util.Set;

/**
 * What a run's results.json says of one task's metrics: which is its main one, and which are better lower.
 *
 * @param task          the task's name
 * @param main          its main metric
 * @param lowerIsBetter its metrics for which lower is better (bits per byte, no-answer rates)
 */
public record TaskMetrics(String task, String main, Set<String> lowerIsBetter) {
    public TaskMetrics {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(main, "main");
        lowerIsBetter = Set.copyOf(lowerIsBetter);
    }
}
