package dev.proctor.stats.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a run's {@code samples.jsonl}, reduced to what statistics need.
 *
 * @param task    task name
 * @param subject subject name
 * @param id      the item's id within its task
 * @param gold    the gold answer as canonical JSON (compared across runs to catch different data under the same ids)
 * @param metrics the item's metric values
 */
public record ItemOutcome(String task, String subject, String id, String gold, Map<String, Double> metrics) {
    public ItemOutcome {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** {@code task/id}: how items are matched across runs. */
    public String key() {
        return task + "/" + id;
    }
}
