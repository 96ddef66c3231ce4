package dev.proctor.core.plan;

import dev.proctor.core.data.DataGate;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.select.SelectedSubject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run will score, decided before any request runs.
 *
 * @param config   the configuration
 * @param subjects the selected subjects, in selection order
 * @param data     every file read and how it was checked
 * @param tasks    per task name, in selection order
 * @param items    in evaluation order: selection order, then file order
 */
public record EvaluationPlan(RunConfig config, List<SelectedSubject> subjects, DataGate.Checked data,
                             Map<String, TaskPlan> tasks, List<PlannedItem> items) {
    public EvaluationPlan {
        subjects = List.copyOf(subjects);
        tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        items = List.copyOf(items);
    }

    /** The value of an item fact ({@code truncated}, {@code shotsUsed}) counted over the items where it is true. */
    public long itemsWith(String fact) {
        return items.stream().filter(i -> Boolean.TRUE.equals(i.item().facts().get(fact))).count();
    }
}
