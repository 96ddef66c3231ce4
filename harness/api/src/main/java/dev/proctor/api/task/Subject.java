package dev.proctor.api.task;

import java.util.List;
import java.util.Objects;

/**
 * One subject (subtask) of a task.
 *
 * @param name        identifier used on the command line ({@code cmmlu:agronomy})
 * @param displayName what prompt headers show (CMMLU: the Chinese name; MMLU: words without underscores)
 * @param categories  every group the subject belongs to; groups may overlap (CMMLU's "China specific")
 */
public record Subject(String name, String displayName, List<String> categories) {
    public Subject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        categories = List.copyOf(categories);
    }
}
