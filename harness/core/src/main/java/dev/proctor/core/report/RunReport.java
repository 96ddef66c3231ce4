package dev.proctor.core.report;

import dev.proctor.api.ProctorException;
import dev.proctor.core.aggregate.Summary;
import dev.proctor.core.aggregate.TaskSummary;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.schedule.RunOutcome;
import dev.proctor.report.AtomicFiles;
import dev.proctor.report.MarkdownTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * Step six: writes a run's directory: {@code results.json}, {@code samples.jsonl}, {@code summary.csv} and
 * {@code summary.md}. Each file is written to a temporary name and renamed, so a crash never leaves a half file
 * that looks whole.
 *
 * @param provenance where the numbers come from
 * @param plan       what was evaluated
 * @param summary    the aggregated scores
 * @param outcome    every item's score and responses, and what the scheduler did
 */
public record RunReport(Provenance provenance, EvaluationPlan plan, Summary summary, RunOutcome outcome) {
    public static final String RESULTS = "results.json";
    public static final String SAMPLES = "samples.jsonl";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String SUMMARY_MD = "summary.md";
    /** Above this many subjects a task's printed table shows only its category and overall rows. */
    public static final int PRINT_ALL_SUBJECTS_UP_TO = 30;

    /** Writes all four files into {@code dir} (created if needed). */
    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProctorException("cannot create the report directory " + dir + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeString(dir.resolve(RESULTS), resultsJson() + "\n");
        AtomicFiles.write(dir.resolve(SAMPLES),
                file -> SamplesFile.write(file, plan.items(), outcome.scores(), outcome.responses()));
        Table table = SummaryTables.longTable(summary);
        AtomicFiles.write(dir.resolve(SUMMARY_CSV), file -> table.write().csv(file.toFile()));
        AtomicFiles.writeString(dir.resolve(SUMMARY_MD), markdown());
    }

    public String resultsJson() {
        try {
            return JsonValues.MAPPER.writeValueAsString(ResultsJson.of(provenance, plan, summary, outcome.scores(),
                    outcome.stats(), outcome.notes()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each task's table for people: the main metric with its interval, then the other metrics. */
    public String tables(boolean allSubjects) {
        StringBuilder sb = new StringBuilder();
        for (TaskSummary t : summary.tasks()) {
            boolean groupsOnly = !allSubjects && t.subjects().size() > PRINT_ALL_SUBJECTS_UP_TO;
            sb.append("### ").append(t.task()).append(" (main metric: ").append(t.metrics().main()).append(")\n\n");
            sb.append(MarkdownTable.render(SummaryTables.mainTable(t, summary.bootstrap().confidence(), groupsOnly)));
            int hidden = t.metrics().specs().size() - 1 - SummaryTables.OTHER_METRICS_SHOWN;
            if (hidden > 0) {
                sb.append("\n(").append(hidden).append(" more metrics in ").append(SUMMARY_CSV).append(" and ")
                        .append(RESULTS).append(")\n");
            }
            if (groupsOnly) {
                sb.append("\n(").append(t.subjects().size()).append(" subject rows in ").append(SUMMARY_MD)
                        .append(")\n");
            }
            sb.append('\n');
        }
        sb.append(FactCounts.lines(FactCounts.of(plan.items())));
        return sb.toString();
    }

    private String markdown() {
        Provenance p = provenance;
        var s = p.config().settings();
        return "# Proctor run " + p.runId() + "\n\n"
                + "- model: `" + p.modelSpec() + "` (" + p.model().kind() + ", " + p.model().engine() + ")\n"
                + "- tasks: " + String.join(", ", p.config().tasks()) + "; split " + s.split().id() + "; "
                + s.shots() + "-shot; format " + s.format().id() + "; scoring " + s.scoring().id() + "; seed "
                + s.seed() + "\n"
                + "- data: " + p.dataChecks().stream().map(c -> c.dataset() + " " + c.status() + " (" + c.version()
                        + ", " + c.files() + " files)").collect(Collectors.joining("; ")) + "\n"
                + "- harness: proctor " + p.harness() + "\n"
                + "- intervals: " + summary.bootstrap().resamples() + " bootstrap resamples, seed "
                + summary.bootstrap().seed() + "; macro = mean of subject values (official CMMLU/OpenCompass),"
                + " micro = over items (lm-evaluation-harness)\n\n"
                + tables(true);
    }
}
