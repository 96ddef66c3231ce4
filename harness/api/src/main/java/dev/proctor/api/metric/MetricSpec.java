package dev.proctor.api.metric;

import java.util.Objects;

/**
 * One metric a task reports.
 *
 * @param name           the key in item results and reports ({@code acc}, {@code ndcg_cut_10})
 * @param aggregation    how item values combine
 * @param higherIsBetter whether a higher value is better (false for bits per byte, error rates)
 * @param binary         per-item values are 0 or 1, so the binomial standard error applies too
 * @param description    one line: what it measures, and whose convention it follows
 */
public record MetricSpec(String name, Aggregation aggregation, boolean higherIsBetter, boolean binary,
                         String description) {
    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[A-Za-z][A-Za-z0-9_@.-]*")) {
            throw new IllegalArgumentException("metric name '" + name + "' must be a letter then letters, digits, _@.-");
        }
    }

    /** A mean of 0/1 item values where higher is better: accuracy and its kin. */
    public static MetricSpec accuracy(String name, String description) {
        return new MetricSpec(name, Aggregation.MEAN, true, true, description);
    }

    /** A mean of real item values. */
    public static MetricSpec mean(String name, boolean higherIsBetter, String description) {
        return new MetricSpec(name, Aggregation.MEAN, higherIsBetter, false, description);
    }
}
