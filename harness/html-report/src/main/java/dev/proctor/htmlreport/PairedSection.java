package dev.proctor.htmlreport;

import dev.proctor.api.ProctorException;
import dev.proctor.htmlreport.charts.ChartWriter;
import dev.proctor.htmlreport.charts.Charts;
import dev.proctor.report.HtmlTable;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.merge.MergedVsFinetuned;
import dev.proctor.stats.paired.AlignedItems;
import dev.proctor.stats.paired.ComparisonRow;
import dev.proctor.stats.paired.ItemAlignment;
import dev.proctor.stats.paired.McNemar;
import dev.proctor.stats.paired.PairedOptions;
import dev.proctor.stats.paired.RunComparison;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Two runs on the same items, item by item ({@link RunComparison}, as {@code proctor compare A B}): per subject the
 * difference with its paired-bootstrap interval as a forest plot, and McNemar's exact p-values, Holm-adjusted over
 * the subjects. Runs that do not share their items get a sentence saying why instead.
 */
final class PairedSection {
    private PairedSection() {
    }

    static void write(RunData runA, String a, RunData runB, String b, PairedOptions options, Page page,
                      ChartWriter charts, Path pageDir) {
        page.heading(3, "Paired: " + a + " vs " + b);
        List<ComparisonRow> rows;
        String metric;
        AlignedItems aligned;
        try {
            ItemMetric itemMetric = ItemMetric.forRuns(null, List.of(runA, runB));
            metric = itemMetric.id();
            aligned = ItemAlignment.align(a, runA, b, runB, itemMetric);
            rows = RunComparison.compare(aligned, runA.categoriesBySubject(), options);
        } catch (ProctorException e) {
            page.paragraph("note", "Not compared: " + e.getMessage());
            return;
        }
        List<ComparisonRow> subjects = rows.stream().filter(r -> r.averaging().equals("subject")).toList();
        List<ComparisonRow> totals = rows.stream().filter(r -> r.group().equals(RunComparison.OVERALL)).toList();
        page.html(HtmlTable.render(table(totals, metric, a, b, false)));
        double[] p = subjects.stream().mapToDouble(PairedSection::exactP).toArray();
        double[] holm = MergedVsFinetuned.holm(p);
        page.html("<details><summary>every subject (" + subjects.size() + "), with Holm-adjusted McNemar p</summary>\n")
                .html(HtmlTable.render(withHolm(table(subjects, metric, a, b, true), holm))).html("</details>\n");
        List<Charts.Interval> differences = subjects.stream().map(r -> new Charts.Interval(r.task() + ":" + r.group(),
                r.diff(), r.difference().ciLow(), r.difference().ciHigh())).toList();
        page.chart(charts.write("paired-" + a + "-" + b, Charts.intervals(metric + " difference " + a + " - " + b
                + " by subject (paired bootstrap)", metric + " difference",
                Charts.Interval.bestFirst(differences, true))), pageDir);
        if (!McNemar.isBinary(aligned.a()) || !McNemar.isBinary(aligned.b())) {
            Map<String, double[][]> points = new LinkedHashMap<>();
            points.put("item", new double[][] {aligned.a(), aligned.b()});
            page.chart(charts.write("paired-items-" + a + "-" + b, Charts.scatter(metric + " per item: " + a + " vs "
                    + b, a, b, points)), pageDir);
        }
        page.paragraph("note", "Difference = " + a + " - " + b + "; intervals from a paired bootstrap (questions"
                + " resampled within subjects, both runs on the same draws, " + options.bootstrap().resamples()
                + " resamples); McNemar exact on the discordant pairs, Holm-adjusted over the subjects; an empty p is"
                + " undefined (scores not 0/1, or no discordant pair).");
    }

    private static Table table(List<ComparisonRow> rows, String metric, String a, String b, boolean subjects) {
        return Table.create("paired " + metric,
                StringColumn.create("task", rows.stream().map(ComparisonRow::task).toList()),
                StringColumn.create(subjects ? "subject" : "averaging", rows.stream()
                        .map(r -> subjects ? r.group() : r.averaging()).toList()),
                IntColumn.create("n", rows.stream().mapToInt(ComparisonRow::n).toArray()),
                DoubleColumn.create(a, rows.stream().mapToDouble(ComparisonRow::a).toArray()),
                DoubleColumn.create(b, rows.stream().mapToDouble(ComparisonRow::b).toArray()),
                DoubleColumn.create("difference", rows.stream().mapToDouble(ComparisonRow::diff).toArray()),
                DoubleColumn.create("95% CI low", rows.stream().mapToDouble(r -> r.difference().ciLow()).toArray()),
                DoubleColumn.create("95% CI high", rows.stream().mapToDouble(r -> r.difference().ciHigh()).toArray()),
                DoubleColumn.create("McNemar exact p", rows.stream().mapToDouble(PairedSection::exactP).toArray()));
    }

    /** McNemar's exact p, NaN where it is undefined (scores not 0/1, or no discordant pair). */
    private static double exactP(ComparisonRow r) {
        return r.mcnemar().filter(m -> m.undefined().isEmpty()).map(McNemar::exactP).orElse(Double.NaN);
    }

    private static Table withHolm(Table table, double[] holm) {
        return table.addColumns(DoubleColumn.create("Holm p", holm));
    }
}
