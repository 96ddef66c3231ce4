package dev.proctor.stats.io;

import dev.proctor.api.ProctorException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which per-item metric a statistic uses (any metric the runs report: {@code acc}, {@code acc_norm}, {@code bpb},
 * {@code exact_match}, {@code ndcg_cut_10}), and whether higher is better, which decides the sign for ranking.
 *
 * @param id            the metric's name in samples.jsonl
 * @param lowerIsBetter true for losses such as bits per byte
 */
public record ItemMetric(String id, boolean lowerIsBetter) {
    public static final ItemMetric ACC = new ItemMetric("acc", false);
    public static final ItemMetric ACC_NORM = new ItemMetric("acc_norm", false);
    /** Bits per byte of the gold continuation (OLMES); lower is better, so its sign is flipped for ranking. */
    public static final ItemMetric BPB = new ItemMetric("bpb", true);
    /** Metrics Proctor's tasks report for which lower is better. */
    private static final Set<String> LOWER_IS_BETTER = Set.of("bpb", "no_answer");

    public ItemMetric {
        Objects.requireNonNull(id, "id");
    }

    /** The value of an item; an error naming the metrics it has when it lacks this one. */
    public double value(ItemOutcome item) {
        Double v = item.metrics().get(id);
        if (v == null) {
            throw new ProctorException("item " + item.key() + " has no metric '" + id + "'; its metrics are "
                    + item.metrics().keySet());
        }
        return v;
    }

    /**
     * The metric runs are compared on: the one asked for, else the main metric their tasks share (acc for multiple
     * choice, ndcg_cut_10 for retrieval); its direction as the runs declare it.
     *
     * @param requested a metric name, or null for the runs' main metric
     */
    public static ItemMetric forRuns(String requested, Collection<RunData> runs) {
        Set<String> lower = new HashSet<>(LOWER_IS_BETTER);
        Map<String, String> mains = new TreeMap<>();
        for (RunData run : runs) {
            for (TaskMetrics t : run.tasks()) {
                lower.addAll(t.lowerIsBetter());
                mains.merge(t.main(), t.task() + " in " + run.dir(), (a, b) -> a);
            }
        }
        if (requested != null) {
            ItemMetric named = parse(requested);
            return new ItemMetric(named.id(), lower.contains(named.id()));
        }
        if (mains.size() != 1) {
            throw new ProctorException("the runs' tasks have " + (mains.isEmpty() ? "no main metric"
                    : "different main metrics " + mains) + "; choose one with --metric");
        }
        String main = mains.keySet().iterator().next();
        return new ItemMetric(main, lower.contains(main));
    }

    public static ItemMetric parse(String id) {
        String name = id == null ? "" : id.strip();
        if (!name.matches("[A-Za-z][A-Za-z0-9_@.-]*")) {
            throw new ProctorException("metric '" + id + "' is not a metric name (acc, acc_norm, bpb, exact_match,"
                    + " ndcg_cut_10, ...)");
        }
        return new ItemMetric(name, LOWER_IS_BETTER.contains(name));
    }
}
