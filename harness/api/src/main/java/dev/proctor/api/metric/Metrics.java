package dev.proctor.api.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics a task reports under given settings, and which one is its main score.
 *
 * @param main    the main metric's name: what summaries print first and leaderboards sort by
 * @param specs   every metric, in report order
 * @param corpus  the function of each {@link Aggregation#CORPUS} metric, by name
 * @param figures what each subject's row of results.json shows beside the metrics (a confusion matrix, ROC points)
 */
public record Metrics(String main, List<MetricSpec> specs, Map<String, CorpusMetric> corpus,
                      Optional<SubjectFigures> figures) {
    /** Metrics without figures. */
    public Metrics(String main, List<MetricSpec> specs, Map<String, CorpusMetric> corpus) {
        this(main, specs, corpus, Optional.empty());
    }

    public Metrics {
        java.util.Objects.requireNonNull(figures, "figures");
        specs = List.copyOf(specs);
        corpus = Map.copyOf(corpus);
        Map<String, MetricSpec> byName = new LinkedHashMap<>();
        for (MetricSpec s : specs) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("metric " + s.name() + " is declared twice");
            }
            if (s.aggregation() == Aggregation.CORPUS && !corpus.containsKey(s.name())) {
                throw new IllegalArgumentException("corpus metric " + s.name() + " has no function");
            }
        }
        if (!byName.containsKey(main)) {
            throw new IllegalArgumentException("main metric " + main + " is not among " + byName.keySet());
        }
    }

    /** Mean metrics only. */
    public static Metrics means(String main, List<MetricSpec> specs) {
        return new Metrics(main, specs, Map.of());
    }

    public Optional<MetricSpec> spec(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public MetricSpec mainSpec() {
        return spec(main).orElseThrow();
    }
}
