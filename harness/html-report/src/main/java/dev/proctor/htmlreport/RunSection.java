package dev.proctor.htmlreport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.htmlreport.charts.ChartWriter;
import dev.proctor.htmlreport.charts.Charts;
import dev.proctor.htmlreport.results.Estimate;
import dev.proctor.htmlreport.results.ResultRow;
import dev.proctor.htmlreport.results.RunResults;
import dev.proctor.htmlreport.results.ShotCounts;
import dev.proctor.htmlreport.results.TaskResults;
import dev.proctor.report.HtmlTable;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.Selection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One run: its provenance, and per task the summary table (main metric, both averages, standard error, interval,
 * n, shots used), each subject with its interval sorted by score, and the task's figures.
 */
final class RunSection {
    private RunSection() {
    }

    /** @param data the run's items, read once for the whole report */
    static void write(RunResults run, RunData data, String anchor, Page page, ChartWriter charts, Path pageDir) {
        page.html("<section id=\"" + HtmlTable.escape(anchor) + "\">\n");
        page.heading(2, run.model() + " — " + run.runId());
        page.facts(provenance(run));
        for (TaskResults task : run.tasks()) {
            page.heading(3, task.task() + " (main metric: " + task.mainMetric()
                    + (task.mainHigherIsBetter() ? ", higher is better)" : ", lower is better)"));
            page.html(HtmlTable.render(summary(task)));
            undefinedNotes(task, page);
            if (task.subjects().size() > 1) {
                page.html("<details><summary>every subject (" + task.subjects().size() + ")</summary>\n")
                        .html(HtmlTable.render(rows(task, task.subjects()))).html("</details>\n");
                page.chart(charts.write(anchor + "-" + task.task() + "-subjects", subjectChart(task)), pageDir);
            }
            page.html("<div class=\"figures\">\n");
            distribution(data, task).ifPresent(values -> page.chart(charts.write(anchor + "-" + task.task()
                    + "-distribution", Charts.histogram(task.task() + ": " + task.mainMetric() + " per item ("
                    + values.length + " items)", task.mainMetric(), values, 20)), pageDir));
            for (Map.Entry<String, JsonNode> f : task.figures().entrySet()) {
                String title = task.task() + ":" + f.getKey();
                Figures.write(anchor + "-" + task.task() + "-" + f.getKey(), title, f.getValue(), charts, page,
                        pageDir);
            }
            page.html("</div>\n");
        }
        page.html("</section>\n");
    }

    /**
     * The main metric of each item, where it is an average over items that takes more than two values (nDCG per
     * query, bits per byte per question): its spread says more than its mean.
     */
    private static Optional<double[]> distribution(RunData run, TaskResults task) {
        if (!task.perItemMain()) {
            return Optional.empty();
        }
        RunData data = run.filter(new Selection(task.task(), null));
        ItemMetric metric = new ItemMetric(task.mainMetric(), !task.mainHigherIsBetter());
        double[] values = data.items().stream().mapToDouble(metric::value).filter(v -> !Double.isNaN(v)).toArray();
        long distinct = Arrays.stream(values).distinct().count();
        return distinct > 2 ? Optional.of(values) : Optional.empty();
    }

    private static Map<String, String> provenance(RunResults run) {
        JsonNode p = run.provenance();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("run directory", run.dir().toAbsolutePath().normalize().toString());
        m.put("model", p.at("/model/spec").asText() + " (" + p.at("/model/kind").asText() + ", "
                + p.at("/model/engine").asText() + ", " + p.at("/model/device").asText() + ")");
        p.at("/model/identity").fields().forEachRemaining(e -> m.put("model " + e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        JsonNode config = p.path("config");
        m.put("settings", "split " + config.path("split").asText() + ", shots " + config.path("shots").asText()
                + ", format " + config.path("format").asText() + ", scoring " + config.path("scoring").asText()
                + ", seed " + config.path("seed").asText() + ", limit " + config.path("limit").asText()
                + (config.path("taskArgs").size() > 0 ? ", task args " + config.path("taskArgs") : ""));
        m.put("bootstrap", config.at("/bootstrap/resamples").asText() + " resamples, seed "
                + config.at("/bootstrap/seed").asText() + ", " + config.at("/bootstrap/confidence").asText() + " %, "
                + config.at("/bootstrap/method").asText());
        for (JsonNode check : p.path("dataChecks")) {
            m.put("data " + check.path("task").asText() + ":" + check.path("dataset").asText(),
                    check.path("status").asText() + ", " + check.path("files").asText() + " files"
                            + (check.has("sha256") ? ", sha256 " + check.path("sha256").asText() : "")
                            + (check.has("version") ? ", " + check.path("version").asText() : ""));
        }
        JsonNode h = p.path("harness");
        m.put("harness", h.path("name").asText() + " " + h.path("version").asText() + ", commit "
                + h.path("gitCommit").asText() + (h.path("gitDirty").asBoolean() ? " (uncommitted changes)" : "")
                + ", " + h.path("java").asText());
        m.put("created", p.path("createdAt").asText());
        return m;
    }

    /** The overall and category rows (macro and micro), or the subjects where a task has no groups. */
    private static Table summary(TaskResults task) {
        List<ResultRow> rows = task.groups().isEmpty() ? task.subjects() : task.groups();
        List<ResultRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing((ResultRow r) -> !r.level().equals("overall")));
        return rows(task, ordered);
    }

    private static Table rows(TaskResults task, List<ResultRow> rows) {
        String metric = task.mainMetric();
        StringColumn level = StringColumn.create("level");
        StringColumn name = StringColumn.create("name");
        StringColumn averaging = StringColumn.create("averaging");
        IntColumn n = IntColumn.create("n");
        DoubleColumn value = DoubleColumn.create(metric);
        DoubleColumn stderr = DoubleColumn.create("stderr");
        DoubleColumn low = DoubleColumn.create("95% CI low");
        DoubleColumn high = DoubleColumn.create("95% CI high");
        StringColumn shots = StringColumn.create("shots used");
        for (ResultRow r : rows) {
            Estimate e = r.metric(metric);
            level.append(r.level());
            name.append(r.name());
            averaging.append(r.averaging().orElse(""));
            n.append(r.n());
            value.append(e.value());
            stderr.append(e.stderr());
            low.append(e.low());
            high.append(e.high());
            ShotCounts s = r.level().equals("subject") ? task.shotsUsed().get(r.name()) : null;
            shots.append(s == null ? "" : s.text() + (s.dropped() > 0 ? " (" + s.dropped() + " dropped)" : ""));
        }
        Table t = Table.create(task.task(), level, name, averaging, n, value, stderr, low, high);
        if (shots.countMissing() < shots.size()) {
            t.addColumns(shots);
        }
        return t;
    }

    /** What results.json says about each undefined number of the main metric, once per reason. */
    private static void undefinedNotes(TaskResults task, Page page) {
        TreeSet<String> reasons = new TreeSet<>();
        List<ResultRow> all = new ArrayList<>(task.groups());
        all.addAll(task.subjects());
        for (ResultRow r : all) {
            r.metric(task.mainMetric()).undefined().ifPresent(reasons::add);
        }
        for (String reason : reasons) {
            page.paragraph("note", "Undefined (empty cell): " + reason);
        }
    }

    private static org.knowm.xchart.XYChart subjectChart(TaskResults task) {
        String metric = task.mainMetric();
        List<Charts.Interval> rows = task.subjects().stream().map(r -> r.metric(metric).interval(r.name())).toList();
        return Charts.intervals(task.task() + ": " + metric + " by subject, best first", metric,
                Charts.Interval.bestFirst(rows, task.mainHigherIsBetter()));
    }
}
