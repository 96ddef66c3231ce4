package dev.proctor.core.aggregate;

import dev.proctor.stats.Averaging;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A subject's, a category's or a task's scores.
 *
 * @param task      task name
 * @param level     subject, category or overall
 * @param name      the subject's or category's name, or {@link #OVERALL}
 * @param averaging for categories and overall: macro (mean of subject values, the official CMMLU and OpenCompass
 *                  number) or micro (over items: lm-evaluation-harness's group number; for corpus metrics the
 *                  value on the pooled items); empty for subjects
 * @param subjects  subjects in the row
 * @param n         items in the row
 * @param metrics   per metric name, in the task's order
 */
public record ScoreRow(String task, Level level, String name, Optional<Averaging> averaging, int subjects, int n,
                       Map<String, MetricValue> metrics) {
    public static final String OVERALL = "overall";

    /** Which kind of row; REFERENCE is an average the benchmark's authors report (a task's ReferenceAverage). */
    public enum Level {
        SUBJECT, CATEGORY, OVERALL, REFERENCE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ScoreRow {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public MetricValue metric(String name) {
        MetricValue v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("row " + task + "/" + this.name + " has no metric " + name);
        }
        return v;
    }

    /** {@code macro}, {@code micro} or empty. */
    public String averagingId() {
        return averaging.map(a -> a.name().toLowerCase(Locale.ROOT)).orElse("");
    }
}
