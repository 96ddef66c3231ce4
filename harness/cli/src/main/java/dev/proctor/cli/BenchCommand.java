package dev.proctor.cli;

import dev.proctor.api.model.LanguageModel;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.Planner;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.result.RunStats;
import dev.proctor.core.run.ProgressListener;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import dev.proctor.core.schedule.Scheduler;
import dev.proctor.core.store.ResultStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code proctor bench}: how much the harness adds to the model's own forward time. Every figure is a ratio or
 * count taken within one run (wall-clock seconds on a shared machine are noise; ratios in one run are not).
 * A fresh temporary store is used each round so nothing is resumed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure forward passes per question, padding efficiency and harness overhead.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    TaskOptions taskOptions;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--scoring", defaultValue = "letter", description = "letter or loglik. Default: ${DEFAULT-VALUE}.")
    String scoring;

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
        TaskRegistry registry = taskOptions.registry();
        RunConfig config = taskOptions.config(ScoringMode.parse(scoring), batchTokens, registry);
        try (LanguageModel model = ModelRegistry.discover().open(modelOptions.spec())) {
            long planStart = System.nanoTime();
            EvaluationPlan plan = Planner.plan(config, registry, model);
            long planNanos = System.nanoTime() - planStart;
            out.printf("model %s (%s), %d items, planning (load + render + tokenize for shot fitting) %.2f s%n",
                    model.info().name(), model.info().engine(), plan.items().size(), planNanos / 1e9);
            out.println("round  items  fwd/item  padding_eff  forward_s  total_s  harness_ms/item  total/forward");
            for (int round = 0; round <= rounds; round++) {
                RunStats s = scoreOnce(plan, model);
                double harnessMsPerItem = (s.totalNanos() - s.forwardNanos()) / 1e6 / s.items();
                out.printf("%5s  %5d  %8.3f  %11.3f  %9.3f  %7.3f  %15.3f  %13.4f%n",
                        round == 0 ? "warm" : String.valueOf(round), s.items(), s.forwardsPerItem(), s.paddingEfficiency(),
                        s.forwardNanos() / 1e9, s.totalNanos() / 1e9, harnessMsPerItem,
                        (double) s.totalNanos() / s.forwardNanos());
            }
        }
        return 0;
    }

    private static RunStats scoreOnce(EvaluationPlan plan, LanguageModel model) throws Exception {
        Path dir = Files.createTempDirectory("proctor-bench");
        try (ResultStore store = ResultStore.open(dir.resolve(RunCommand.STORE_FILE), "bench")) {
            return new Scheduler().run(plan, model, store, ProgressListener.NONE).stats();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
