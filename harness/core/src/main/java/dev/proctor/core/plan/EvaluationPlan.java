package dev.proctor.core.plan;

import dev.proctor.core.run.RunConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run will score, decided before any forward pass.
 *
 * @param items                   in evaluation order: selection order, then file order
 * @param dataFiles               every file read: the evaluated split and, with shots, the dev split
 * @param categoriesBySubjectKey  key {@code task/subject}, in selection order
 */
public record EvaluationPlan(
        RunConfig config,
        List<PlannedItem> items,
        List<DataFileRef> dataFiles,
        Map<String, List<String>> categoriesBySubjectKey) {

    public EvaluationPlan {
        items = List.copyOf(items);
        dataFiles = List.copyOf(dataFiles);
        categoriesBySubjectKey = Collections.unmodifiableMap(new LinkedHashMap<>(categoriesBySubjectKey));
    }

    /** Items whose input was too long even with no shots and is left-truncated. */
    public long truncatedItems() {
        return items.stream().filter(i -> i.prompt().truncated()).count();
    }

    /** Items with fewer shots than requested, for whatever reason (short dev split or dropped for length). */
    public long itemsShortOfShots() {
        return items.stream().filter(i -> i.prompt().shotsUsed() < config.shots()).count();
    }
}
