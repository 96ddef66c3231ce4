package dev.proctor.htmlreport;

import dev.proctor.htmlreport.charts.ChartWriter;
import dev.proctor.htmlreport.charts.Charts;
import dev.proctor.report.HtmlTable;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.io.Selection;
import dev.proctor.stats.merge.MergeSummary;
import dev.proctor.stats.merge.MergedVsFinetuned;
import dev.proctor.stats.merge.TaskComparison;
import dev.proctor.stats.paired.PairedOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A merged model against the fine-tuned model of each task ({@link MergedVsFinetuned}, as {@code proctor compare
 * --merged}): the table with normalized accuracy and Holm-adjusted McNemar p-values, the averages, the tasks that
 * lost significantly, and normalized accuracy per task with its interval as a forest plot.
 */
final class MergeSection {
    private MergeSection() {
    }

    static void write(Path merged, Map<String, Path> finetuned, PairedOptions options, Page page, ChartWriter charts,
                      Path pageDir) {
        page.heading(2, "Merged vs fine-tuned");
        RunData m = RunDirectory.read(merged);
        Map<Selection, RunData> ft = new LinkedHashMap<>();
        finetuned.forEach((task, dir) -> ft.put(Selection.parse(task), RunDirectory.read(dir)));
        List<RunData> all = new ArrayList<>(ft.values());
        all.add(m);
        ItemMetric metric = ItemMetric.forRuns(null, all);
        MergeSummary summary = MergedVsFinetuned.compare(m, ft, metric, options);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("merged", merged.toString());
        finetuned.forEach((task, dir) -> facts.put("fine-tuned for " + task, dir.toString()));
        facts.put("metric", metric.id());
        page.facts(facts);
        page.html(HtmlTable.render(dev.proctor.stats.report.StatsTables.mergeAverages(summary)));
        page.html(HtmlTable.render(dev.proctor.stats.report.StatsTables.merge(summary)));
        List<TaskComparison> tasks = summary.tasks();
        List<Charts.Interval> normalized = tasks.stream().map(t -> new Charts.Interval(t.task(),
                t.normalizedAccuracy(), t.normalized().ciLow(), t.normalized().ciHigh())).toList();
        page.chart(charts.write("merged-normalized", Charts.intervals("normalized " + metric.id()
                + " (merged / fine-tuned) by task", "normalized " + metric.id(), normalized)), pageDir);
        List<TaskComparison> lost = summary.lostSignificantly();
        page.paragraph("note", lost.isEmpty() ? "No task lost significantly (no paired interval of merged - fine-tuned"
                + " lies wholly below 0)." : "Lost significantly (the paired interval of merged - fine-tuned lies"
                + " wholly below 0): " + String.join(", ", lost.stream().map(TaskComparison::task).toList()) + ".");
        page.paragraph("note", "Normalized accuracy = merged / fine-tuned per task, averaged over tasks (TALL-masks'"
                + " avg_normalized_top1); McNemar exact p-values Holm-adjusted over the tasks; task i bootstraps with"
                + " seed + i.");
    }
}
