package dev.proctor.cli;

import dev.proctor.core.evaluate.Evaluation;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.schedule.RunStats;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code proctor run}: evaluates a model on tasks of any kind and writes {@code reports/<run-id>/}. With no
 * arguments it evaluates the embedded model on the bundled synthetic suite. Running the same command again resumes:
 * responses and items already in the run's store are not recomputed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Evaluate a model on tasks; writes results.json, samples.jsonl, summary.csv and summary.md.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    TaskOptions taskOptions;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--batch-tokens", defaultValue = "" + RunConfig.DEFAULT_BATCH_TOKENS,
            description = "Token budget of one batch (batch size x longest sequence). Default: ${DEFAULT-VALUE}.")
    int batchTokens;

    @Option(names = "--resamples", defaultValue = "" + BootstrapConfig.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples of every interval (seeded with --seed). Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Option(names = "--confidence", defaultValue = "95", paramLabel = "PERCENT",
            description = "Confidence level of the intervals, in percent. Default: ${DEFAULT-VALUE}.")
    double confidence;

    @Mixin
    RunOutputOptions output = new RunOutputOptions();

    @Mixin
    ProgressOptions progress = new ProgressOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunConfig config = taskOptions.config(modelOptions.spec(), batchTokens, resamples, confidence);
        Evaluation evaluation = taskOptions.evaluator().evaluate(config, modelOptions.spec(), output.output(),
                progress.listener());
        print(spec.commandLine().getOut(), evaluation, output.json());
        return 0;
    }

    /** The summary tables and one line on what was computed, or results.json. */
    static void print(PrintWriter out, Evaluation evaluation, boolean json) {
        if (json) {
            out.println(evaluation.report().resultsJson());
            return;
        }
        out.print(evaluation.report().tables(false));
        RunStats s = evaluation.report().outcome().stats();
        out.printf("%d items (%d computed, %d reused), %d responses computed (%d reused), %d model inputs, %.1f s;"
                        + " report: %s%n", s.items(), s.computedItems(), s.reusedItems(), s.computedResponses(),
                s.reusedResponses(), s.sequences(), s.totalNanos() / 1e9, evaluation.directory());
    }
}
