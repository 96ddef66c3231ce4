package dev.proctor.core.aggregate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric of one row, with its uncertainty. A value that cannot be computed is NaN here and carries its reason
 * in {@code undefined}, so a report prints "undefined (reason)", never 0 or Infinity.
 *
 * @param value          the score
 * @param stderr         its standard error: lm-evaluation-harness's for means (sample std / sqrt(n)); for macro
 *                       rows sqrt(sum se_i^2)/k; for micro rows lm-eval's pooled_sample_stderr; for corpus metrics
 *                       the bootstrap standard deviation
 * @param stderrBinomial sqrt(p(1-p)/n), for 0/1 metrics of subjects and micro rows; NaN elsewhere
 * @param ciLow          lower end of the seeded percentile bootstrap interval
 * @param ciHigh         upper end
 * @param undefined      field name to why it is NaN
 */
public record MetricValue(double value, double stderr, double stderrBinomial, double ciLow, double ciHigh,
                          Map<String, String> undefined) {
    public MetricValue {
        undefined = Collections.unmodifiableMap(new LinkedHashMap<>(undefined));
    }

    /** Nothing can be computed, for one reason. */
    public static MetricValue undefined(String reason) {
        Map<String, String> why = new LinkedHashMap<>();
        for (String field : new String[] {"value", "stderr", "ci"}) {
            why.put(field, reason);
        }
        return new MetricValue(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
    }
}
