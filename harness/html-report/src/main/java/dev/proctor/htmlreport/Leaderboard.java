package dev.proctor.htmlreport;

import dev.proctor.api.ProctorException;
import dev.proctor.htmlreport.charts.ChartWriter;
import dev.proctor.htmlreport.charts.Charts;
import dev.proctor.htmlreport.results.Estimate;
import dev.proctor.htmlreport.results.RunResults;
import dev.proctor.htmlreport.results.TaskResults;
import dev.proctor.report.HtmlTable;
import dev.proctor.stats.Averaging;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.Strata;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.Selection;
import dev.proctor.stats.paired.AlignedRuns;
import dev.proctor.stats.rank.AdjacentFlip;
import dev.proctor.stats.rank.RankFlips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Several runs side by side: runs x tasks, each task's main metric (micro average) with its interval, the best in
 * each column marked; and, per task whose runs share their items, how often the bootstrap swaps each pair of
 * neighbours ({@link RankFlips}: questions resampled within subjects, all runs on the same draws).
 */
final class Leaderboard {
    private Leaderboard() {
    }

    /** @param data each run's items, read once for the whole report */
    static void write(List<RunResults> runs, List<RunData> data, List<String> labels, BootstrapConfig bootstrap,
                      Page page, ChartWriter charts, Path pageDir) {
        page.heading(2, "Leaderboard");
        Set<String> tasks = new LinkedHashSet<>();
        runs.forEach(r -> r.tasks().forEach(t -> tasks.add(t.task())));
        StringColumn run = StringColumn.create("run");
        StringColumn model = StringColumn.create("model");
        Map<String, StringColumn> cells = new LinkedHashMap<>();
        Map<String, Set<Integer>> best = new LinkedHashMap<>();
        for (String task : tasks) {
            cells.put(task, StringColumn.create(task));
            double bestValue = Double.NaN;
            double[] values = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                Optional<TaskResults> t = task(runs.get(i), task);
                Estimate e = t.flatMap(x -> x.overall("micro").map(r -> r.metric(x.mainMetric()))).orElse(null);
                cells.get(task).append(e == null ? "not run" : e.text());
                values[i] = e == null ? Double.NaN : e.value();
                double sign = t.map(TaskResults::mainHigherIsBetter).orElse(true) ? 1 : -1;
                if (!Double.isNaN(values[i]) && (Double.isNaN(bestValue) || sign * values[i] > sign * bestValue)) {
                    bestValue = values[i];
                }
            }
            Set<Integer> rows = new HashSet<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == bestValue) {
                    rows.add(i); // ties are all best
                }
            }
            best.put(task, rows);
        }
        for (int i = 0; i < runs.size(); i++) {
            run.append(labels.get(i));
            model.append(runs.get(i).model());
        }
        Table table = Table.create("leaderboard", run, model);
        cells.values().forEach(table::addColumns);
        page.html(HtmlTable.render(table, (row, column) -> best.getOrDefault(column, Set.of()).contains(row)));
        page.paragraph("note", "Each task's main metric, micro average (mean over items) with its 95% bootstrap"
                + " interval from the run; the best run per task (every run tied for it) in bold.");
        for (String task : tasks) {
            chart(runs, labels, task).ifPresent(c -> page.chart(charts.write("leaderboard-" + task, c), pageDir));
        }
        flips(runs, data, labels, tasks, bootstrap, page);
    }

    private static void flips(List<RunResults> runs, List<RunData> data, List<String> labels, Set<String> tasks,
                              BootstrapConfig bootstrap, Page page) {
        page.heading(3, "How often neighbours swap under the bootstrap");
        StringColumn task = StringColumn.create("task");
        StringColumn upper = StringColumn.create("upper");
        StringColumn lower = StringColumn.create("lower");
        DoubleColumn upperScore = DoubleColumn.create("upper score");
        DoubleColumn lowerScore = DoubleColumn.create("lower score");
        DoubleColumn pFlip = DoubleColumn.create("P(order flips)");
        DoubleColumn pTie = DoubleColumn.create("P(tie)");
        List<String> notes = new ArrayList<>();
        for (String name : tasks) {
            try {
                String main = runs.stream().map(r -> task(r, name)).flatMap(Optional::stream).findFirst()
                        .orElseThrow().mainMetric();
                List<RunData> selected = data.stream().map(d -> d.filter(new Selection(name, null))).toList();
                ItemMetric metric = ItemMetric.forRuns(main, selected);
                AlignedRuns aligned = AlignedRuns.of(labels, selected, metric);
                for (AdjacentFlip f : RankFlips.adjacent(labels, aligned.scores(), Strata.byLabel(aligned.strata()),
                        Averaging.MICRO, metric.lowerIsBetter(), bootstrap)) {
                    task.append(name);
                    upper.append(f.upper());
                    lower.append(f.lower());
                    upperScore.append(f.upperScore());
                    lowerScore.append(f.lowerScore());
                    pFlip.append(f.pFlip());
                    pTie.append(f.pTie());
                }
            } catch (ProctorException | IllegalArgumentException e) {
                notes.add(name + ": not ranked: " + e.getMessage());
            }
        }
        if (task.size() > 0) {
            page.html(HtmlTable.render(Table.create("flips", task, upper, lower, upperScore, lowerScore, pFlip, pTie)));
        }
        page.paragraph("note", String.format(Locale.ROOT, "P(order flips): share of %d bootstrap resamples"
                + " (items within subjects, every run on the same draws, seed %d) in which the lower run scores"
                + " strictly better; P(tie): share in which the two score the same.", bootstrap.resamples(),
                bootstrap.seed()));
        notes.forEach(n -> page.paragraph("note", n));
    }

    /** The runs that ran the task, best first, each with its interval. */
    private static Optional<XYChart> chart(List<RunResults> runs, List<String> labels, String task) {
        List<Charts.Interval> rows = new ArrayList<>();
        boolean higher = true;
        for (int i = 0; i < runs.size(); i++) {
            Optional<TaskResults> t = task(runs.get(i), task);
            Optional<Estimate> e = t.flatMap(x -> x.overall("micro").map(r -> r.metric(x.mainMetric())));
            if (e.isPresent() && !Double.isNaN(e.get().value())) {
                rows.add(e.get().interval(labels.get(i)));
                higher = t.get().mainHigherIsBetter();
            }
        }
        if (rows.size() < 2) {
            return Optional.empty();
        }
        String metric = runs.stream().map(r -> task(r, task)).flatMap(Optional::stream).findFirst().orElseThrow()
                .mainMetric();
        return Optional.of(Charts.intervals(task + ": " + metric + " by run, best first", metric,
                Charts.Interval.bestFirst(rows, higher)));
    }

    private static Optional<TaskResults> task(RunResults run, String task) {
        return run.tasks().stream().filter(t -> t.task().equals(task)).findFirst();
    }
}
