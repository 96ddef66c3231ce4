package dev.proctor.core.report;

import dev.proctor.api.metric.MetricSpec;
import dev.proctor.core.aggregate.MetricValue;
import dev.proctor.core.aggregate.ScoreRow;
import dev.proctor.core.aggregate.Summary;
import dev.proctor.core.aggregate.TaskSummary;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The run summary as Tablesaw tables. {@link #longTable} has a row per (row, metric), for {@code summary.csv} and
 * other tools; {@link #mainTable} is one task's main metric with its standard error and interval beside the next
 * few metrics' values, for people.
 */
public final class SummaryTables {
    /** Metrics shown beside the main one in a table for people; summary.csv and results.json hold them all. */
    public static final int OTHER_METRICS_SHOWN = 4;

    private SummaryTables() {
    }

    /** Every value of every task, one row per (task row, metric). */
    public static Table longTable(Summary summary) {
        StringColumn task = StringColumn.create("task");
        StringColumn level = StringColumn.create("level");
        StringColumn name = StringColumn.create("name");
        StringColumn averaging = StringColumn.create("averaging");
        IntColumn subjects = IntColumn.create("subjects");
        IntColumn n = IntColumn.create("n");
        StringColumn metric = StringColumn.create("metric");
        BooleanColumn main = BooleanColumn.create("main");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn stderr = DoubleColumn.create("stderr");
        DoubleColumn binomial = DoubleColumn.create("stderr_binomial");
        DoubleColumn low = DoubleColumn.create("ci_low");
        DoubleColumn high = DoubleColumn.create("ci_high");
        for (TaskSummary t : summary.tasks()) {
            for (ScoreRow row : rows(t)) {
                for (MetricSpec spec : t.metrics().specs()) {
                    MetricValue v = row.metric(spec.name());
                    task.append(row.task());
                    level.append(row.level().id());
                    name.append(row.name());
                    averaging.append(row.averagingId());
                    subjects.append(row.subjects());
                    n.append(row.n());
                    metric.append(spec.name());
                    main.append(spec.name().equals(t.metrics().main()));
                    value.append(v.value());
                    stderr.append(v.stderr());
                    binomial.append(v.stderrBinomial());
                    low.append(v.ciLow());
                    high.append(v.ciHigh());
                }
            }
        }
        return Table.create("summary", task, level, name, averaging, subjects, n, metric, main, value, stderr, binomial,
                low, high);
    }

    /**
     * One task for people: the main metric with its standard error and interval, then each other metric's value.
     *
     * @param confidence the intervals' level, for the column's name
     * @param groupsOnly leave out the subject rows (a task with many subjects)
     */
    public static Table mainTable(TaskSummary t, ConfidenceLevel confidence, boolean groupsOnly) {
        String main = t.metrics().main();
        StringColumn level = StringColumn.create("level");
        StringColumn name = StringColumn.create("name");
        StringColumn averaging = StringColumn.create("averaging");
        IntColumn n = IntColumn.create("n");
        DoubleColumn value = DoubleColumn.create(main);
        DoubleColumn stderr = DoubleColumn.create("stderr");
        StringColumn ci = StringColumn.create(new java.math.BigDecimal(Double.toString(confidence.percent()))
                .stripTrailingZeros().toPlainString() + "% CI");
        List<DoubleColumn> others = new ArrayList<>();
        for (MetricSpec spec : t.metrics().specs()) {
            if (!spec.name().equals(main) && others.size() < OTHER_METRICS_SHOWN) {
                others.add(DoubleColumn.create(spec.name()));
            }
        }
        List<ScoreRow> rows = groupsOnly ? t.groups() : rows(t);
        for (ScoreRow row : rows) {
            MetricValue v = row.metric(main);
            level.append(row.level().id());
            name.append(row.name());
            averaging.append(row.averagingId());
            n.append(row.n());
            value.append(v.value());
            stderr.append(v.stderr());
            ci.append(Double.isFinite(v.ciLow()) && Double.isFinite(v.ciHigh())
                    ? String.format(Locale.ROOT, "[%.4f, %.4f]", v.ciLow(), v.ciHigh()) : "");
            for (DoubleColumn other : others) {
                other.append(row.metric(other.name()).value());
            }
        }
        Table table = Table.create(t.task(), level, name, averaging, n, value, stderr, ci);
        others.forEach(table::addColumns);
        return table;
    }

    private static List<ScoreRow> rows(TaskSummary t) {
        List<ScoreRow> rows = new ArrayList<>(t.subjects());
        rows.addAll(t.groups());
        return rows;
    }
}
