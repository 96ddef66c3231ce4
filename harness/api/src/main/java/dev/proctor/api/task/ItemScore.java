package dev.proctor.api.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one item scored: its metric values, what the model predicted, and whatever explains the prediction
 * (per-choice log-likelihoods, the raw generation and the rule that read it).
 *
 * @param values     metric name to value for this item (and any per-item statistic a corpus metric needs)
 * @param prediction the prediction, as a JSON value
 * @param details    explanations, as JSON values
 */
public record ItemScore(Map<String, Double> values, Object prediction, Map<String, Object> details) {
    public ItemScore {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** One value; an error naming the metric when the item has none. */
    public double value(String metric) {
        Double v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("item has no value for metric '" + metric + "'; it has " + values.keySet());
        }
        return v;
    }

    /** What the item's metrics are computed from; used by {@link dev.proctor.api.metric.CorpusMetric}s. */
    public Map<String, Double> valuesView() {
        return values;
    }

    @Override
    public String toString() {
        return "ItemScore" + Objects.toString(values);
    }
}
