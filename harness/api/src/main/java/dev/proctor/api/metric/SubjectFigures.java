package dev.proctor.api.metric;

import dev.proctor.api.task.ItemScore;
import java.util.List;
import java.util.Map;

/**
 * What a task draws from one subject's scored items beside its metrics (a confusion matrix, ROC or
 * precision-recall points), as JSON values for that subject's row of results.json.
 */
@FunctionalInterface
public interface SubjectFigures {
    Map<String, Object> of(List<ItemScore> items);
}
