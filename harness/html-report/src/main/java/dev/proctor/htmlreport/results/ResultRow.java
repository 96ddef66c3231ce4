package dev.proctor.htmlreport.results;

import java.util.Map;
import java.util.Optional;

/**
 * A row of {@code results.json}: a subject, or a group (category or overall) with its averaging.
 *
 * @param level     {@code subject}, {@code category} or {@code overall}
 * @param averaging {@code macro} or {@code micro} for a group; empty for a subject
 */
public record ResultRow(String level, String name, Optional<String> averaging, int n, Map<String, Estimate> metrics) {
    public ResultRow {
        metrics = Map.copyOf(metrics);
    }

    /** The metric, or an undefined estimate saying the row lacks it. */
    public Estimate metric(String metric) {
        Estimate e = metrics.get(metric);
        return e != null ? e : new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Optional.of("the row has no " + metric));
    }
}
