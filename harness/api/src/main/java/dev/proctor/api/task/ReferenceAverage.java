package dev.proctor.api.task;

import java.util.List;
import java.util.Objects;

/**
 * An average a benchmark's own authors report that is neither macro nor micro: the unweighted mean of some
 * categories' averages (each the mean of its subjects), as M3KE's README averages its four clusters. Reported beside
 * Proctor's macro and micro rows, under this name, so a published number can be compared with its like.
 *
 * @param name        the row's name ({@code README average})
 * @param categories  the categories averaged, each weighted equally
 * @param description where the convention comes from
 */
public record ReferenceAverage(String name, List<String> categories, String description) {
    public ReferenceAverage {
        Objects.requireNonNull(name, "name");
        categories = List.copyOf(categories);
        Objects.requireNonNull(description, "description");
    }
}
