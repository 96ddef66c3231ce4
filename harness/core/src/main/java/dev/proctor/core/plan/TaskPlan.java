package dev.proctor.core.plan;

import dev.proctor.api.metric.Metrics;
import dev.proctor.api.task.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run does with one task.
 *
 * @param task       the task
 * @param metrics    its metrics under the run's settings
 * @param settings   the settings it says it used
 * @param categories per subject name (in selection order), the groups it belongs to
 */
public record TaskPlan(Task task, Metrics metrics, Map<String, Object> settings, Map<String, List<String>> categories) {
    public TaskPlan {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    }
}
