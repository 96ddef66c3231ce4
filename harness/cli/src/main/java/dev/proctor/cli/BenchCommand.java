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
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code proctor bench}: how much the harness adds to the model's own time, on the one evaluation path. Every
 * figure is a ratio or count taken within one run (wall-clock seconds on a shared machine are noise; ratios in one
 * run are not). A fresh temporary store is used each round so nothing is reused. {@code tokens/tree} is the real
 * tokens fed over the tokens in the prefix tree of every prompt (1.0: each shared prefix computed once). A model with
 * a KV cache also runs without it ({@code kv-cache=off}) in every round, alternating, for the speed-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure model inputs per item, padding efficiency, tokens computed per prefix-tree token,"
                + " harness overhead, and a KV cache's speed-up.")
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

    @Option(names = "--kv-baseline", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "For a model with a KV cache, also run it with --model-arg kv-cache=off in each round and"
                    + " report the speed-up (--no-kv-baseline: only with the cache). Default: ${DEFAULT-VALUE}.")
    boolean kvBaseline;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds " + rounds + ": expected 1 or more");
        }
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
            Object cache = model.info().identity().get("kvCache");
            boolean baseline = kvBaseline && cache != null && cache.toString().startsWith("on");
            if (!baseline) {
                header(out, "");
                for (int round = 0; round <= rounds; round++) {
                    print(out, round, "", once(run));
                }
                return 0;
            }
            ModelSpec off = withArg(modelSpec, "kv-cache", "off");
            try (Model uncached = evaluator.open(off)) {
                PreparedRun runOff = evaluator.prepare(config, uncached, off.toString());
                header(out, "cache  ");
                double[] speedUps = new double[rounds];
                for (int round = 0; round <= rounds; round++) {
                    RunStats on = once(run);
                    RunStats without = once(runOff);
                    print(out, round, "on     ", on);
                    print(out, round, "off    ", without);
                    if (round > 0) {
                        speedUps[round - 1] = (double) without.totalNanos() / on.totalNanos();
                    }
                }
                Arrays.sort(speedUps);
                out.printf("speed-up of the KV cache (total time without / with, same model, same rounds): median %.2fx,"
                        + " range %.2f-%.2fx%n", speedUps[rounds / 2], speedUps[0], speedUps[rounds - 1]);
            }
        }
        return 0;
    }

    private static void header(PrintWriter out, String cacheColumn) {
        out.println("round  " + cacheColumn + "items  inputs/item  padding_eff  tokens/tree  model_s  total_s"
                + "  harness_ms/item  total/model");
    }

    private static void print(PrintWriter out, int round, String cacheColumn, RunStats s) {
        double harnessMsPerItem = (s.totalNanos() - s.modelNanos()) / 1e6 / s.computedItems();
        out.printf("%5s  %s%5d  %11.3f  %11.3f  %11.3f  %7.3f  %7.3f  %15.3f  %11.4f%n",
                round == 0 ? "warm" : String.valueOf(round), cacheColumn, s.computedItems(), s.sequencesPerItem(),
                s.paddingEfficiency(), s.tokensPerTreeToken(), s.modelNanos() / 1e9, s.totalNanos() / 1e9,
                harnessMsPerItem, (double) s.totalNanos() / s.modelNanos());
    }

    private static ModelSpec withArg(ModelSpec spec, String key, String value) {
        Map<String, String> args = new TreeMap<>(spec.args());
        args.put(key, value);
        return new ModelSpec(spec.scheme(), spec.location(), spec.device(), args);
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
