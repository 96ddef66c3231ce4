package dev.proctor.cli;

import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.core.aggregate.Aggregator;
import dev.proctor.core.aggregate.Summary;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.Planner;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.run.ProgressListener;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import dev.proctor.core.schedule.RunOutcome;
import dev.proctor.core.schedule.Scheduler;
import dev.proctor.core.store.ResultStore;
import dev.proctor.report.DataCheck;
import dev.proctor.report.MarkdownTable;
import dev.proctor.report.Provenance;
import dev.proctor.report.RunReport;
import dev.proctor.report.SummaryTables;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.stats.bootstrap.RunUncertainty;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.report.StatsTables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tech.tablesaw.api.Table;

/**
 * {@code proctor run}: evaluates a model on tasks and writes {@code reports/<run-id>/}. With no arguments it
 * evaluates the embedded model on the bundled synthetic suite. Running the same command again resumes: items
 * already in the run's store are not recomputed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Evaluate a model on tasks; writes results.json, samples.jsonl, summary.csv and summary.md.")
final class RunCommand implements Callable<Integer> {
    static final String STORE_FILE = "items.sqlite";
    static final String UNCERTAINTY = "uncertainty";
    /** Above this many subjects only the category and overall rows are printed (the files hold all). */
    private static final int PRINT_ALL_SUBJECTS_UP_TO = 30;

    @Mixin
    TaskOptions taskOptions;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--scoring", defaultValue = "letter",
            description = "letter (next-token logits over the choice letters, official) or loglik (lm-eval). Default: ${DEFAULT-VALUE}.")
    String scoring;

    @Option(names = "--batch-tokens", defaultValue = "" + RunConfig.DEFAULT_BATCH_TOKENS,
            description = "Token budget of one batch (batch size x longest sequence). Default: ${DEFAULT-VALUE}.")
    int batchTokens;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the run here instead of REPORTS/<run-id>/.")
    Path outDir;

    @Option(names = "--reports-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where runs write by default. Default: ${DEFAULT-VALUE}.")
    Path reportsDir;

    @Option(names = "--json", description = "Print results.json instead of the summary table.")
    boolean json;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Draw a progress bar on stderr (default: on).")
    boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TaskRegistry registry = taskOptions.registry();
        RunConfig config = taskOptions.config(ScoringMode.parse(scoring), batchTokens, registry);
        ModelSpec modelSpec = modelOptions.spec();
        try (LanguageModel model = ModelRegistry.discover().open(modelSpec)) {
            EvaluationPlan plan = Planner.plan(config, registry, model);
            List<DataCheck> dataChecks = taskOptions.gate().verify(plan, registry);
            RunIdentity identity = RunIdentity.of(plan, model.info());
            Path dir = outDir != null ? outDir : reportsDir.resolve(identity.runId());
            RunOutcome outcome;
            try (ResultStore store = ResultStore.open(dir.resolve(STORE_FILE), identity.fingerprint())) {
                ProgressListener listener = progress ? new ProgressBarListener() : ProgressListener.NONE;
                outcome = new Scheduler().run(plan, model, store, listener);
            }
            Summary summary = Aggregator.aggregate(outcome.results(), plan.categoriesBySubjectKey());
            Provenance provenance = Provenance.of(identity.runId(), modelOptions.model, model.info(), config,
                    plan.dataFiles(), dataChecks);
            RunReport report = new RunReport(provenance, summary.subjects(), summary.groups(),
                    plan.categoriesBySubjectKey(), outcome.results(), outcome.stats());
            Table table = report.writeTo(dir);
            writeUncertainty(dir, config.seed());
            if (json) {
                out.println(java.nio.file.Files.readString(dir.resolve(RunReport.RESULTS)));
            } else {
                Table printed = summary.subjects().size() > PRINT_ALL_SUBJECTS_UP_TO ? SummaryTables.groupsOnly(table) : table;
                out.println(MarkdownTable.render(printed));
                out.printf("%d items (%d resumed), %d forward sequences, %.1f s; report: %s%n",
                        outcome.stats().items() + outcome.stats().resumedItems(), outcome.stats().resumedItems(),
                        outcome.stats().sequences(), outcome.stats().totalNanos() / 1e9, dir);
            }
        }
        return 0;
    }

    /**
     * The run's seeded percentile bootstrap intervals (questions resampled within subjects; micro and macro from
     * the same resamples), beside the summary: {@code uncertainty.csv} and {@code uncertainty.md}. The bootstrap
     * seed is the run's seed; {@code proctor stats ci} recomputes them with other settings.
     */
    private static void writeUncertainty(Path dir, long seed) throws java.io.IOException {
        BootstrapConfig bootstrap = new BootstrapConfig(BootstrapConfig.DEFAULT_RESAMPLES, seed, ConfidenceLevel.NINETY_FIVE);
        Table table = StatsTables.uncertainty(RunUncertainty.of(RunDirectory.read(dir), ItemMetric.ACC, bootstrap));
        table.write().csv(dir.resolve(UNCERTAINTY + ".csv").toFile());
        java.nio.file.Files.writeString(dir.resolve(UNCERTAINTY + ".md"), "# Bootstrap intervals of accuracy\n\n"
                + "- " + bootstrap.resamples() + " resamples, seed " + seed + ", " + BootstrapConfig.RNG + "\n\n"
                + MarkdownTable.render(table));
    }
}
