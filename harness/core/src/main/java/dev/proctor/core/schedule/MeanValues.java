package dev.proctor.core.schedule;

import dev.proctor.api.ProctorException;
import dev.proctor.api.metric.Aggregation;
import dev.proctor.api.metric.MetricSpec;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.task.ItemScore;

/** The rule every scored item meets: a finite value for each of its task's mean metrics. */
public final class MeanValues {
    private MeanValues() {
    }

    /** @param key the item's key, for the error */
    public static void require(String key, ItemScore score, Metrics metrics) {
        for (MetricSpec spec : metrics.specs()) {
            if (spec.aggregation() != Aggregation.MEAN) {
                continue;
            }
            Double v = score.values().get(spec.name());
            if (v == null || !Double.isFinite(v)) {
                throw new ProctorException("item " + key + " scored " + (v == null ? "no value" : v)
                        + " for metric " + spec.name() + "; every item must give a finite value");
            }
        }
    }
}
