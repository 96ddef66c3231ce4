package dev.proctor.stats.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subject row of a run's {@code results.json}.
 *
 * @param task       task name
 * @param subject    subject name
 * @param n          items
 * @param values     each metric's value as the run reported it (NaN where it was undefined)
 * @param categories the subject's categories
 */
public record SubjectInfo(String task, String subject, int n, Map<String, Double> values, List<String> categories) {
    public SubjectInfo {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        categories = List.copyOf(categories);
    }

    /** A metric's value, NaN when the run did not report it. */
    public double value(String metric) {
        return values.getOrDefault(metric, Double.NaN);
    }
}
