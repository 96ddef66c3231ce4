package dev.proctor.report;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.ProctorException;
import dev.proctor.core.result.GroupScore;
import dev.proctor.core.result.ItemResult;
import dev.proctor.core.result.RunStats;
import dev.proctor.core.result.SubjectScore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Writes a run's directory: {@code results.json}, {@code samples.jsonl}, {@code summary.csv}, {@code summary.md}.
 * Each file is written to a temporary name and renamed, so a crash never leaves a half file that looks whole.
 *
 * @param provenance where the numbers come from
 * @param subjects   per-subject scores
 * @param groups     category and overall scores
 * @param categoriesBySubjectKey each subject's categories, keyed {@code task/subject}
 * @param items      every item's result, in plan order
 * @param stats      what the scheduler did
 */
public record RunReport(
        Provenance provenance,
        List<SubjectScore> subjects,
        List<GroupScore> groups,
        Map<String, List<String>> categoriesBySubjectKey,
        List<ItemResult> items,
        RunStats stats) {

    public static final String RESULTS = "results.json";
    public static final String SAMPLES = "samples.jsonl";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String SUMMARY_MD = "summary.md";

    public Table summaryTable() {
        return SummaryTables.summary(subjects, groups);
    }

    /** Writes all four files into {@code dir} (created if needed) and returns the summary table. */
    public Table writeTo(Path dir) {
        Table summary = summaryTable();
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(RESULTS), ReportJson.MAPPER.writeValueAsString(resultsJson()) + "\n");
            writeSamples(dir.resolve(SAMPLES));
            Path csvTmp = dir.resolve(SUMMARY_CSV + ".tmp");
            summary.write().csv(csvTmp.toFile());
            Files.move(csvTmp, dir.resolve(SUMMARY_CSV), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeAtomically(dir.resolve(SUMMARY_MD), markdown(summary));
        } catch (IOException e) {
            throw new ProctorException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
        return summary;
    }

    ObjectNode resultsJson() {
        ObjectNode root = ReportJson.MAPPER.createObjectNode();
        root.set("provenance", ReportJson.provenance(provenance));
        ObjectNode results = root.putObject("results");
        results.set("groups", ReportJson.groups(groups));
        results.set("subjects", ReportJson.subjects(subjects, categoriesBySubjectKey));
        root.set("stats", ReportJson.stats(stats));
        return root;
    }

    private void writeSamples(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ObjectWriter line = ReportJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (ItemResult r : items) {
                ObjectNode node = ReportJson.MAPPER.createObjectNode();
                node.put("id", r.itemId());
                node.put("task", r.task());
                node.put("subject", r.subject());
                node.put("prompt_sha256", r.promptSha256());
                node.put("shots_used", r.shotsUsed());
                ArrayNode scores = node.putArray("choice_loglik");
                for (double s : r.choiceLogLik()) {
                    scores.add(s);
                }
                node.put("prediction", r.prediction());
                node.put("gold", r.gold());
                node.put("correct", r.correct());
                node.put("correct_norm", r.correctNorm());
                node.put("gold_bits_per_byte", r.goldBitsPerByte());
                out.write(line.writeValueAsString(node));
                out.write('\n');
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String markdown(Table summary) {
        Provenance p = provenance;
        return "# Proctor run " + p.runId() + "\n\n"
                + "- model: `" + p.modelSpec() + "` (sha256 " + p.model().modelSha256() + ")\n"
                + "- tasks: " + String.join(", ", p.config().tasks()) + "; split " + p.config().split().id()
                + "; " + p.config().shots() + "-shot; format " + p.config().format().id()
                + "; scoring " + p.config().scoring().id() + "; seed " + p.config().seed() + "\n"
                + "- data: " + p.dataChecks().stream().map(c -> c.task() + " " + c.status() + " (" + c.dataset() + " "
                        + c.version() + ", " + c.files() + " files)").collect(java.util.stream.Collectors.joining("; ")) + "\n"
                + "- harness: proctor " + p.harness() + "\n"
                + "- macro = mean of subject accuracies (official CMMLU/OpenCompass); micro = mean over questions (lm-eval)\n\n"
                + MarkdownTable.render(summary);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
