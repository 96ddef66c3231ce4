package dev.proctor.stats.snr;

import java.util.List;

/**
 * Subtask filtering of one task.
 *
 * @param task  the task
 * @param steps k = 1 .. K, subtasks in descending order of SNR
 * @param bestK the k with the highest aggregate SNR (the smallest such k on a tie)
 */
public record FilterResult(String task, List<FilterStep> steps, int bestK) {
    public FilterResult {
        steps = List.copyOf(steps);
    }

    /** The subtasks to keep: the best prefix. */
    public List<String> selected() {
        return steps.subList(0, bestK).stream().map(FilterStep::added).toList();
    }

    public FilterStep best() {
        return steps.get(bestK - 1);
    }

    /** The aggregate of all subtasks (no filtering), for comparison. */
    public FilterStep all() {
        return steps.get(steps.size() - 1);
    }
}
