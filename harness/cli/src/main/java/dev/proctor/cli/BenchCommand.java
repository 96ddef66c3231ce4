package dev.proctor.cli;

import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.core.evaluate.Evaluator;
import dev.proctor.core.evaluate.PreparedRun;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.schedule.ProgressListener;
import dev.proctor.core.schedule.RunStats;
import dev.proctor.core.store.ResultStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code proctor bench}: how much the harness adds to the model's own time, on the one evaluation path. Every
 * figure is a ratio or count taken within one run (wall-clock seconds on a shared machine are noise; ratios in one
 * run are not). A fresh temporary store is used each round so nothing is reused.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure model inputs per item, padding efficiency and harness overhead.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    TaskOptions taskOptions;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--batch-tokens", defaultValue = "" + RunConfig.DEFAULT_BATCH_TOKENS,
            description = "Token budget of one batch. Default: ${DEFAULT-VALUE}.")
    int batchTokens;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds after one warm-up. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunConfig config = taskOptions.config(modelOptions.spec(), batchTokens, 2, 95);
        Evaluator evaluator = taskOptions.evaluator();
        ModelSpec modelSpec = modelOptions.spec();
        try (Model model = evaluator.open(modelSpec)) {
            long planStart = System.nanoTime();
            PreparedRun run = evaluator.prepare(config, model, modelSpec.toString());
            long planNanos = System.nanoTime() - planStart;
            out.printf("model %s (%s, %s), %d items, planning (select, verify, load, render, fit) %.2f s%n",
                    model.info().name(), model.info().kind(), model.info().engine(), run.plan().items().size(),
                    planNanos / 1e9);
            out.println("round  items  inputs/item  padding_eff  model_s  total_s  harness_ms/item  total/model");
            for (int round = 0; round <= rounds; round++) {
                RunStats s = once(run);
                double harnessMsPerItem = (s.totalNanos() - s.modelNanos()) / 1e6 / s.computedItems();
                out.printf("%5s  %5d  %11.3f  %11.3f  %7.3f  %7.3f  %15.3f  %11.4f%n",
                        round == 0 ? "warm" : String.valueOf(round), s.computedItems(), s.sequencesPerItem(),
                        s.paddingEfficiency(), s.modelNanos() / 1e9, s.totalNanos() / 1e9, harnessMsPerItem,
                        (double) s.totalNanos() / s.modelNanos());
            }
        }
        return 0;
    }

    private static RunStats once(PreparedRun run) throws Exception {
        Path dir = Files.createTempDirectory("proctor-bench");
        try (ResultStore store = ResultStore.open(dir.resolve(Evaluator.STORE_FILE))) {
            return run.schedule(store, ProgressListener.NONE).stats();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
