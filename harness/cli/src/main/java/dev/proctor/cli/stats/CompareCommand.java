package dev.proctor.cli.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.ProctorException;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.paired.McNemar;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.io.Selection;
import dev.proctor.stats.merge.MergeSummary;
import dev.proctor.stats.merge.MergedVsFinetuned;
import dev.proctor.stats.merge.TaskComparison;
import dev.proctor.stats.paired.AlignedItems;
import dev.proctor.stats.paired.ComparisonRow;
import dev.proctor.stats.paired.ItemAlignment;
import dev.proctor.stats.paired.RunComparison;
import dev.proctor.stats.report.InputRef;
import dev.proctor.stats.report.StatsJson;
import dev.proctor.stats.report.StatsProvenance;
import dev.proctor.stats.report.StatsReport;
import dev.proctor.stats.report.StatsTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code proctor compare A B}: two runs on the same items, paired item by item (per subject, category and task:
 * accuracy difference with a paired bootstrap interval, McNemar exact and chi-square, sign-flip permutation).
 * {@code proctor compare --merged M --finetuned task1=F1,task2=F2}: a merged model against each task's fine-tuned
 * model (normalized accuracy, averages, significant losses). Runs that do not share their items are refused.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two runs item by item, or a merged model with its fine-tuned models.",
                "Paired statistics only: bootstrap of the difference, McNemar, sign-flip permutation."})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "0..2", paramLabel = "RUN", description = "Two run directories (reports/<run-id>/).")
    List<Path> runs = new ArrayList<>();

    @Mixin
    MergeOptions merge = new MergeOptions();

    @Option(names = "--metric", paramLabel = "NAME",
            description = "The per-item metric (acc, acc_norm, bpb, exact_match, ndcg_cut_10, ...). Default: the runs' main metric.")
    String metric;

    @Mixin
    BootstrapOptions bootstrap;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (merge.given() && !runs.isEmpty()) {
            throw new ProctorException("give either two runs (proctor compare A B) or --merged with --finetuned, not both");
        }
        if (merge.given()) {
            return compareMerged(merge.merged().orElseThrow());
        }
        if (runs.size() != 2) {
            throw new ProctorException("give two run directories to compare (proctor compare A B), got " + runs.size());
        }
        return compareTwo();
    }

    private int compareTwo() throws Exception {
        RunData a = RunDirectory.read(runs.get(0));
        RunData b = RunDirectory.read(runs.get(1));
        ItemMetric itemMetric = ItemMetric.forRuns(metric, List.of(a, b));
        String nameA = label(runs.get(0));
        String nameB = label(runs.get(1));
        if (nameA.equals(nameB)) {
            nameA = "A";
            nameB = "B";
        }
        AlignedItems items = ItemAlignment.align(nameA, a, nameB, b, itemMetric);
        List<ComparisonRow> rows = RunComparison.compare(items, a.categoriesBySubject(), bootstrap.paired());
        StatsProvenance provenance = StatsProvenance.of("compare", args(), parameters(itemMetric),
                List.of(InputRef.run("A", a), InputRef.run("B", b)));
        ArrayNode json = StatsJson.MAPPER.createArrayNode();
        for (ComparisonRow r : rows) {
            ObjectNode node = json.addObject();
            node.put("task", r.task());
            node.put("group", r.group());
            node.put("averaging", r.averaging());
            node.put("n", r.n());
            node.put("mean_a", r.a());
            node.put("mean_b", r.b());
            node.put("mean_diff", r.diff());
            node.set("bootstrap_diff", StatsJson.bootstrap(r.difference(), bootstrap.bootstrap()));
            r.mcnemar().ifPresent(m -> node.set("mcnemar", StatsJson.mcnemar(m)));
            node.set("paired_permutation", StatsJson.permutation(r.permutation()));
        }
        StatsReport out = new StatsReport("Paired comparison: " + nameA + " vs " + nameB, provenance)
                .table("comparison", StatsTables.comparison("comparison (" + itemMetric.id() + ", A - B)", rows, nameA, nameB))
                .result("rows", json)
                .note("A = " + runs.get(0) + ", B = " + runs.get(1) + "; metric " + itemMetric.id() + "; diff = A - B")
                .note("paired bootstrap: questions resampled within subjects, both runs on the same resamples; "
                        + "McNemar chi-square always continuity-corrected (statsmodels); no unpaired z-test")
                .note(a.subjects().stream().anyMatch(s -> !s.categories().isEmpty()) ? "categories from A's results.json"
                        : "no category rows: results.json does not list subject categories");
        List<String> noInformation = rows.stream().filter(r -> r.mcnemar().flatMap(McNemar::undefined).isPresent())
                .map(r -> r.group() + " (" + r.averaging() + ")").toList();
        if (!noInformation.isEmpty()) {
            out.note("McNemar undefined for " + String.join(", ", noInformation) + ": no discordant pairs (b = c = 0),"
                    + " so the test has no information (statsmodels' raw chi-square +inf, p 0 are in stats.json,"
                    + " labelled statsmodels_raw)");
        }
        report.emit(out, provenance.reportId(), spec.commandLine().getOut());
        return 0;
    }

    private int compareMerged(Path merged) throws Exception {
        RunData m = RunDirectory.read(merged);
        Map<Selection, RunData> ft = new LinkedHashMap<>();
        List<InputRef> inputs = new ArrayList<>();
        inputs.add(InputRef.run("merged", m));
        for (Map.Entry<String, Path> e : merge.finetuned().entrySet()) {
            RunData run = RunDirectory.read(e.getValue());
            ft.put(Selection.parse(e.getKey()), run);
            inputs.add(InputRef.run("finetuned " + e.getKey(), run));
        }
        List<RunData> all = new ArrayList<>(ft.values());
        all.add(m);
        ItemMetric itemMetric = ItemMetric.forRuns(metric, all);
        MergeSummary summary = MergedVsFinetuned.compare(m, ft, itemMetric, bootstrap.paired());
        StatsProvenance provenance = StatsProvenance.of("compare", args(), parameters(itemMetric), inputs);
        ObjectNode json = StatsJson.MAPPER.createObjectNode();
        ArrayNode tasks = json.putArray("tasks");
        for (TaskComparison t : summary.tasks()) {
            ObjectNode node = tasks.addObject();
            node.put("task", t.task());
            node.put("n", t.n());
            node.put("merged_acc", t.merged());
            node.put("finetuned_acc", t.finetuned());
            node.put("diff", t.diff());
            node.set("bootstrap_diff", StatsJson.bootstrap(t.difference()));
            node.put("normalized_acc", t.normalizedAccuracy());
            node.set("bootstrap_normalized", StatsJson.bootstrap(t.normalized()));
            t.mcnemar().ifPresent(mc -> node.set("mcnemar", StatsJson.mcnemar(mc)));
            node.put("mcnemar_exact_p_holm", t.holmP());
            node.put("lost_significantly", t.lostSignificantly());
        }
        json.put("avg_normalized_acc", summary.averageNormalized());
        json.set("bootstrap_avg_normalized_acc", StatsJson.bootstrap(summary.averageNormalizedCi()));
        json.put("avg_absolute_acc_merged", summary.averageMerged());
        json.put("avg_absolute_acc_finetuned", summary.averageFinetuned());
        ArrayNode lost = json.putArray("lost_significantly");
        summary.lostSignificantly().forEach(t -> lost.add(t.task()));
        StatsReport out = new StatsReport("Merged vs fine-tuned: " + label(merged), provenance)
                .table("merged_vs_finetuned", StatsTables.merge(summary))
                .table("averages", StatsTables.mergeAverages(summary))
                .table("lost_significantly", StatsTables.losses(summary))
                .result("merge", json)
                .note("normalized accuracy = merged / fine-tuned per task, averaged over tasks (TALL-masks "
                        + "avg_normalized_top1); average absolute accuracy = mean of the merged accuracies (avg_top1)")
                .note("lost significantly: the whole paired bootstrap interval of merged - fine-tuned is below 0; "
                        + "McNemar exact p-values are also given Holm-adjusted over the tasks; task i bootstraps with seed + i");
        report.emit(out, provenance.reportId(), spec.commandLine().getOut());
        return 0;
    }

    private ObjectNode parameters(ItemMetric itemMetric) {
        ObjectNode p = StatsJson.MAPPER.createObjectNode();
        p.put("metric", itemMetric.id());
        return bootstrap.addTo(p);
    }

    private List<String> args() {
        return spec.commandLine().getParseResult().originalArgs();
    }

    static String label(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
