package dev.proctor.stats.merge;

import dev.proctor.stats.bootstrap.BootstrapSummary;
import java.util.List;

/**
 * The merged-versus-fine-tuned table and its averages, as TALL-masks' {@code evaluate_task_vector_at_coef}
 * reports them: {@code avg_normalized_top1} = mean over tasks of merged/fine-tuned and {@code avg_top1} = mean
 * over tasks of the merged accuracy.
 *
 * @param tasks                  one row per task, in the order given
 * @param averageNormalized      mean over tasks of merged / fine-tuned
 * @param averageNormalizedCi    bootstrap of that mean (tasks resampled independently, each on its own items)
 * @param averageMerged          mean over tasks of the merged accuracy (absolute)
 * @param averageFinetuned       mean over tasks of the fine-tuned accuracies
 */
public record MergeSummary(List<TaskComparison> tasks, double averageNormalized,
                           BootstrapSummary averageNormalizedCi, double averageMerged, double averageFinetuned) {
    public MergeSummary {
        tasks = List.copyOf(tasks);
    }

    public List<TaskComparison> lostSignificantly() {
        return tasks.stream().filter(TaskComparison::lostSignificantly).toList();
    }
}
