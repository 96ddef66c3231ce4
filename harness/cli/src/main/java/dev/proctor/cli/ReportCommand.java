package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import dev.proctor.cli.stats.IntervalOptions;
import dev.proctor.cli.stats.MergeOptions;
import dev.proctor.htmlreport.HtmlReport;
import dev.proctor.htmlreport.ReportInputs;
import dev.proctor.stats.paired.PairedOptions;
import dev.proctor.stats.paired.SignFlipTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code proctor report RUN... [--out DIR]}: an offline HTML report of one run or several (see {@link HtmlReport}).
 * One run's report goes to {@code RUN/report/} unless {@code --out} says otherwise; several need {@code --out}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write an offline HTML report (index.html, charts as SVG and PNG) of one run or several.",
                "Several runs get a leaderboard, swap probabilities and paired views; --merged/--finetuned the",
                "merged-vs-fine-tuned table; --snr the charts of proctor snr reports."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "RUN", description = "Run directories (reports/<run-id>/). Several get a"
            + " leaderboard, and the first is compared item by item with each other one.")
    List<Path> runs = new ArrayList<>();

    @Mixin
    MergeOptions merge = new MergeOptions();

    @Option(names = "--snr", split = ",", paramLabel = "DIR", description = "proctor snr reports (its --out DIR).")
    List<Path> snr = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where index.html and charts/ go. Default for one run: RUN/report.")
    Path out;

    @Mixin
    IntervalOptions intervals = new IntervalOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (out == null && (runs.size() != 1 || merge.given() || !snr.isEmpty())) {
            throw new ProctorException("proctor report needs --out DIR unless it reports one run (then RUN/report)");
        }
        Path dir = out != null ? out : runs.get(0).resolve("report");
        ReportInputs inputs = new ReportInputs(runs, merge.merged(), merge.finetuned(), snr,
                new PairedOptions(intervals.bootstrap(), SignFlipTest.DEFAULT_RESAMPLES,
                        SignFlipTest.DEFAULT_EXACT_MAX));
        Path index = HtmlReport.write(inputs, dir);
        spec.commandLine().getOut().println("report: " + index);
        return 0;
    }
}
