package dev.proctor.cli.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.ProctorException;
import dev.proctor.stats.Averaging;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.io.RunTables;
import dev.proctor.stats.io.ScoreTable;
import dev.proctor.stats.io.SubjectInfo;
import dev.proctor.stats.report.InputRef;
import dev.proctor.stats.report.StatsJson;
import dev.proctor.stats.report.StatsProvenance;
import dev.proctor.stats.report.StatsReport;
import dev.proctor.stats.report.StatsTables;
import dev.proctor.stats.snr.FilterResult;
import dev.proctor.stats.snr.FilterStep;
import dev.proctor.stats.snr.SignalVariant;
import dev.proctor.stats.snr.SnrAnalysis;
import dev.proctor.stats.snr.SnrResult;
import dev.proctor.stats.snr.SnrReport;
import dev.proctor.stats.snr.SnrResult;
import dev.proctor.stats.snr.SnrSettings;
import dev.proctor.stats.snr.TaskListFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code proctor snr --signal models.csv --noise checkpoints.csv [--last N]}: signal, noise and SNR per column
 * (Heineman et al. 2025), subtask filtering per task, and with {@code --write-tasks FILE} the kept subtasks in
 * the {@code proctor run --tasks @FILE} format. Each of --signal, --noise and --target is either one CSV (first
 * column the model or checkpoint, in training order; one column per task or {@code task:subject}) or a list of
 * Proctor run directories (one row each; columns are tasks and their subjects).
 */
@Command(name = "snr", mixinStandardHelpOptions = true,
        description = {"Signal, noise and SNR per task and subtask; subtask filtering by SNR.",
                "Inputs: CSV score tables or Proctor run directories."})
public final class SnrCommand implements Callable<Integer> {

    @Option(names = "--signal", required = true, split = ",", paramLabel = "CSV|RUN",
            description = "Scores of several models of similar scale: one CSV, or run directories (comma-separated).")
    List<Path> signal;

    @Option(names = "--noise", required = true, split = ",", paramLabel = "CSV|RUN",
            description = "Scores of the checkpoints of ONE run, in training order: one CSV, or run directories.")
    List<Path> noise;

    @Option(names = "--target", split = ",", paramLabel = "CSV|RUN",
            description = "The same models at the target scale, for decision accuracy.")
    List<Path> target = new ArrayList<>();

    @Option(names = "--last", defaultValue = "0", paramLabel = "N",
            description = "Use the last N checkpoints of the noise run (0: all given). Default: ${DEFAULT-VALUE}.")
    int last;

    @Option(names = "--average-last", defaultValue = "1", paramLabel = "K",
            description = "Rows sharing a model name are its checkpoints: average each model's last K. Default: ${DEFAULT-VALUE}.")
    int averageLast;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "For run directories: the per-item metric (acc, acc_norm, bpb, ...; bpb is better lower)."
                    + " Default: the runs' main metric.")
    String metric;

    @Option(names = "--averaging", defaultValue = "micro",
            description = "For run directories: a task's score and its subtask aggregates are micro (mean over"
                    + " questions, as the signal-and-noise code) or macro (mean of subjects). Default: ${DEFAULT-VALUE}.")
    String averaging;

    @Option(names = "--lower-is-better",
            description = "The CSV scores are losses or bits per byte: flip the sign for ranking (decision accuracy).")
    boolean lowerIsBetter;

    @Option(names = "--columns", paramLabel = "REGEX", description = "Use only the CSV columns whose names match.")
    Pattern columns;

    @Option(names = "--group", paramLabel = "TASK=REGEX",
            description = "Subtasks of a task, by column regex (repeatable). By default columns named task:subtask"
                    + " are grouped by task.")
    Map<String, String> groups = new LinkedHashMap<>();

    @Option(names = "--signal-variant", defaultValue = "dispersion",
            description = "dispersion ((max-min)/mean, the paper) or std (ddof=1 std/mean, their meta-analysis)."
                    + " Default: ${DEFAULT-VALUE}.")
    String variant;

    @Option(names = "--write-tasks", paramLabel = "FILE",
            description = "Write the subtasks kept by SNR filtering, one task:subject per line (proctor run --tasks @FILE).")
    Path writeTasks;

    @Mixin
    ReportOptions report;

    /** For run directories: the metric, chosen from the signal runs and kept for the others. */
    private ItemMetric itemMetric;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<InputRef> inputs = new ArrayList<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        ScoreTable signalTable = load("signal", signal, inputs, weights);
        ScoreTable noiseTable = load("noise", noise, inputs, null);
        ScoreTable targetTable = target.isEmpty() ? null : load("target", target, inputs, null);
        boolean lower = lowerIsBetter || (itemMetric != null && itemMetric.lowerIsBetter());
        SnrSettings settings = new SnrSettings(last, averageLast, SignalVariant.parse(variant), lower,
                subtasks(signalTable), weights);
        SnrReport result = SnrAnalysis.analyze(signalTable, noiseTable, targetTable, settings);

        ObjectNode parameters = StatsJson.MAPPER.createObjectNode();
        parameters.put("last", last).put("averageLast", averageLast).put("signalVariant", variant)
                .put("lowerIsBetter", lower).put("metric", itemMetric == null ? null : itemMetric.id())
                .put("averaging", averaging)
                .put("columns", columns == null ? null : columns.pattern());
        ObjectNode groupJson = parameters.putObject("groups");
        groups.forEach(groupJson::put);
        StatsProvenance provenance = StatsProvenance.of("snr", spec.commandLine().getParseResult().originalArgs(),
                parameters, inputs);
        StatsReport out = new StatsReport("Signal and noise", provenance)
                .table("snr", StatsTables.snr(result.columns(), result.decisionAccuracy()))
                .result("columns", columnsJson(result))
                .result("subtask_filtering", filtersJson(result.filters()))
                .note("signal = (max - min) / mean over " + result.models().size() + " models" + (variant.equals("std")
                        ? " (variant: std ddof=1 / mean)" : "") + "; noise = std (ddof=0) / mean over the last "
                        + result.checkpoints().size() + " checkpoints (" + String.join(", ", tail(result.checkpoints())) + ")")
                .note(weights.isEmpty() ? "subtask aggregates: plain mean of the subtask scores (macro)"
                        : "task scores and subtask aggregates: mean over questions (micro), as their code");
        for (SnrResult r : result.columns()) {
            r.undefined().ifPresent(why -> out.note("SNR of " + r.column() + " undefined: " + why));
        }
        if (!result.filters().isEmpty()) {
            out.table("subtask_filtering", StatsTables.filters(result.filters()));
        }
        if (!result.decisionAccuracy().isEmpty()) {
            out.result("decision_accuracy", StatsJson.MAPPER.valueToTree(result.decisionAccuracy()));
        }
        if (writeTasks != null) {
            if (result.filters().isEmpty()) {
                throw new ProctorException("--write-tasks: no task has two or more subtasks to filter (name columns"
                        + " task:subject, or define groups with --group TASK=REGEX)");
            }
            TaskListFile.write(writeTasks, result.filters(), "proctor " + String.join(" ", provenance.arguments())
                    + "\nreport " + provenance.reportId() + ", harness " + provenance.harness());
            out.note("kept subtasks written to " + writeTasks);
        }
        report.emit(out, provenance.reportId(), spec.commandLine().getOut());
        return 0;
    }

    /** One CSV, or run directories (one row each, named by directory); item counts become subtask weights. */
    private ScoreTable load(String role, List<Path> paths, List<InputRef> inputs, Map<String, Double> weights) {
        if (isRuns(paths)) {
            List<RunData> runs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Path p : paths) {
                RunData run = RunDirectory.read(p);
                runs.add(run);
                names.add(CompareCommand.label(p));
                inputs.add(InputRef.run(role + " " + names.size(), run));
            }
            if (itemMetric == null) {
                itemMetric = ItemMetric.forRuns(metric, runs);
            }
            Averaging avg = switch (averaging) {
                case "micro" -> Averaging.MICRO;
                case "macro" -> Averaging.MACRO;
                default -> throw new ProctorException("--averaging is micro or macro, got '" + averaging + "'");
            };
            if (weights != null && avg == Averaging.MICRO) {
                for (SubjectInfo s : runs.get(0).subjects()) {
                    weights.put(s.task() + ":" + s.subject(), (double) s.n());
                }
            }
            return RunTables.scores(role + " runs", names, runs, itemMetric, avg);
        }
        if (paths.size() != 1 || Files.isDirectory(paths.get(0))) {
            throw new ProctorException("--" + role + " takes one CSV file or run directories only, got " + paths);
        }
        inputs.add(InputRef.file(role, paths.get(0)));
        ScoreTable table = ScoreTable.readCsv(paths.get(0));
        return columns == null ? table : table.select(columns);
    }

    private static boolean isRuns(List<Path> paths) {
        return paths.stream().allMatch(Files::isDirectory);
    }

    /** --group definitions, else columns named task:subject grouped by task. */
    private Map<String, List<String>> subtasks(ScoreTable table) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!groups.isEmpty()) {
            groups.forEach((task, regex) -> {
                Pattern p = Pattern.compile(regex);
                out.put(task, table.columns().stream().filter(c -> p.matcher(c).matches()).toList());
            });
            return out;
        }
        for (String c : table.columns()) {
            int colon = c.indexOf(':');
            if (colon > 0) {
                out.computeIfAbsent(c.substring(0, colon), k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    private static ObjectNode columnsJson(SnrReport result) {
        ObjectNode node = StatsJson.MAPPER.createObjectNode();
        for (SnrResult r : result.columns()) {
            ObjectNode c = StatsJson.snr(r);
            Double d = result.decisionAccuracy().get(r.column());
            if (d != null) {
                c.put("decision_accuracy", d);
            }
            node.set(r.column(), c);
        }
        return node;
    }

    private static ArrayNode filtersJson(List<FilterResult> filters) {
        ArrayNode array = StatsJson.MAPPER.createArrayNode();
        for (FilterResult f : filters) {
            ObjectNode node = array.addObject();
            node.put("task", f.task());
            node.put("best_k", f.bestK());
            StatsJson.finite(node, "best_snr", f.best().aggregate().reportedSnr());
            StatsJson.finite(node, "all_snr", f.all().aggregate().reportedSnr());
            ArrayNode kept = node.putArray("kept");
            f.selected().forEach(kept::add);
            ArrayNode steps = node.putArray("steps");
            for (FilterStep s : f.steps()) {
                ObjectNode step = steps.addObject().put("k", s.k()).put("added", s.added())
                        .put("aggregate_signal", s.aggregate().signal()).put("aggregate_noise", s.aggregate().noise());
                StatsJson.finite(step, "subtask_snr", s.subtask().reportedSnr());
                StatsJson.finite(step, "aggregate_snr", s.aggregate().reportedSnr());
            }
        }
        return array;
    }

    private static List<String> tail(List<String> rows) {
        return rows.size() <= 3 ? rows : List.of(rows.get(0), "...", rows.get(rows.size() - 1));
    }
}
