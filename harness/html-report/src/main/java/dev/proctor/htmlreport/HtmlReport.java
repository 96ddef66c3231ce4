package dev.proctor.htmlreport;

import dev.proctor.api.ProctorException;
import dev.proctor.htmlreport.charts.ChartWriter;
import dev.proctor.htmlreport.results.RunResults;
import dev.proctor.report.AtomicFiles;
import dev.proctor.report.HarnessVersion;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code proctor report RUN...}: one self-contained {@code index.html} (inline styles, inline SVG charts, no network
 * request of any kind) and every chart beside it as SVG and PNG under {@code charts/}. One run gets its summary,
 * subjects and figures; several get a leaderboard and paired views first; a merged model its table against the
 * fine-tuned ones; a {@code proctor snr} report its charts.
 */
public final class HtmlReport {
    public static final String INDEX = "index.html";
    public static final String CHARTS = "charts";

    private HtmlReport() {
    }

    /** Writes the report into {@code out} and returns the page. */
    public static Path write(ReportInputs inputs, Path out) {
        if (inputs.runs().isEmpty() && inputs.merged().isEmpty() && inputs.snr().isEmpty()) {
            throw new ProctorException("proctor report needs a run directory, --merged with --finetuned, or --snr");
        }
        if (inputs.merged().isPresent() != !inputs.finetuned().isEmpty()) {
            throw new ProctorException("--merged and --finetuned go together: --merged M --finetuned"
                    + " task1=F1,task2=F2");
        }
        List<RunResults> runs = inputs.runs().stream().map(RunResults::read).toList();
        List<RunData> data = inputs.runs().stream().map(RunDirectory::read).toList(); // every item, read once
        List<String> labels = labels(inputs.runs());
        ChartWriter charts = new ChartWriter(out.resolve(CHARTS));
        Page page = new Page("Proctor report" + (labels.isEmpty() ? "" : ": " + String.join(", ", labels)));
        page.heading(1, runs.size() == 1 ? "Proctor report: " + runs.get(0).model() : "Proctor report"
                + (runs.size() > 1 ? ": " + runs.size() + " runs" : ""));
        page.paragraph("lead", "Written by Proctor " + HarnessVersion.current().version()
                + (labels.isEmpty() ? "" : " from " + String.join(", ", labels))
                + ". Numbers are those of each run's results.json; intervals are its bootstrap's.");
        if (runs.size() > 1) {
            Leaderboard.write(runs, data, labels, inputs.paired().bootstrap(), page, charts, out);
            for (int i = 1; i < runs.size(); i++) {
                PairedSection.write(data.get(0), labels.get(0), data.get(i), labels.get(i), inputs.paired(), page,
                        charts, out);
            }
        }
        if (inputs.merged().isPresent()) {
            MergeSection.write(inputs.merged().get(), inputs.finetuned(), inputs.paired(), page, charts, out);
        }
        for (Path snr : inputs.snr()) {
            SnrSection.write(snr, page, charts, out);
        }
        for (int i = 0; i < runs.size(); i++) {
            RunSection.write(runs.get(i), data.get(i), "run-" + (i + 1), page, charts, out);
        }
        Path index = out.resolve(INDEX);
        AtomicFiles.writeString(index, page.render());
        return index;
    }

    /** Each run's folder name, numbered where two share one. */
    private static List<String> labels(List<Path> dirs) {
        List<String> labels = new ArrayList<>();
        for (Path d : dirs) {
            Path name = d.toAbsolutePath().normalize().getFileName();
            String label = name == null ? d.toString() : name.toString();
            labels.add(labels.contains(label) ? label + " (" + (labels.size() + 1) + ")" : label);
        }
        return labels;
    }
}
