package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.cli.datasets.CacheOptions;
import dev.proctor.cli.datasets.LockOptions;
import dev.proctor.core.evaluate.Evaluator;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.select.DataSources;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.tasks.custom.CustomTasks;
import dev.proctor.tasks.mc.MultipleChoiceTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What to evaluate, how tasks are asked and where their data is: shared by {@code run}, {@code prompts} and {@code bench}. */
final class TaskOptions {

    @Option(names = {"--tasks", "--task"}, split = ",", paramLabel = "TASK[:SUBJECT]",
            description = "Tasks or subjects, comma-separated: cmmlu, cmmlu:agronomy, retrieval:everyday-en, @file"
                    + " (one per line). Default: ${DEFAULT-VALUE}.",
            defaultValue = "synthetic")
    List<String> tasks;

    @Option(names = "--split", defaultValue = "test", description = "dev, val or test. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--shots", defaultValue = "0", description = "Few-shot examples from the dev split. Default: ${DEFAULT-VALUE}.")
    int shots;

    @Option(names = "--limit", description = "At most N items per subject (file order).")
    Integer limit;

    @Option(names = "--format", defaultValue = "official",
            description = "Prompt format of multiple-choice tasks: official, lm-eval, and where a benchmark has them"
                    + " official-handle, official-cot (C-Eval's scripts) or opencompass. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--scoring", defaultValue = "letter",
            description = "Multiple-choice scoring: letter (next-token log-probabilities of the choice letters,"
                    + " official), loglik (lm-eval's summed log-likelihood) or generate (greedy generation until a"
                    + " newline, the letter read by --answer-rule). Default: ${DEFAULT-VALUE}.")
    String scoring;

    @Option(names = "--answer-rule", paramLabel = "NAME",
            description = "With --scoring generate: how the letter is read: first-letter (default), lm-eval-exact,"
                    + " ceval-zero-shot, ceval-few-shot, ceval-cot, opencompass-first-capital, opencompass-first-option,"
                    + " mmcu (mmcu's default).")
    String answerRule;

    @Option(names = "--max-gen-tokens", paramLabel = "N",
            description = "With --scoring generate: new-token limit of a generation (default 32).")
    Integer maxGenTokens;

    @Option(names = "--max-length", paramLabel = "N",
            description = "Official format: the max_length of the benchmark's own shot-dropping rule (CMMLU's"
                    + " gen_prompt, hendrycks' crop), capped at the model's context (default 2048).")
    Integer maxLength;

    @Option(names = "--seed", defaultValue = "1234",
            description = "Seed of every random choice (lm-eval's fewshot_seed, bootstrap). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--task-arg", paramLabel = "KEY=VALUE",
            description = "A task option (retrieval: top-k, k, language; multiple choice with --scoring generate:"
                    + " no-answer=wrong|random-letter; mmcu: bad-labels=refuse|never-correct). Repeatable.")
    Map<String, String> taskArgs = new LinkedHashMap<>();

    @Option(names = "--data-dir", paramLabel = "[TASK=]DIR",
            description = "Data directory, for every task or for one (cmmlu=DIR). Repeatable.")
    List<String> dataDirs = new ArrayList<>();

    @Option(names = "--allow-unlocked", paramLabel = "[TASK=]DIR",
            description = "Ad-hoc data not in datasets.lock: read like --data-dir, not verified, and the results say"
                    + " \"unlocked\" in their provenance. Repeatable.")
    List<String> unlockedDirs = new ArrayList<>();

    @Option(names = "--offline", description = "Never touch the network: data missing from the cache is an error"
            + " naming the files and the fetch command.")
    boolean offline;

    @Mixin
    ChatOptions chatOptions = new ChatOptions();

    @Mixin
    LockOptions lockOptions = new LockOptions();

    @Mixin
    CacheOptions cacheOptions = new CacheOptions();

    @Option(names = "--task-def", paramLabel = "FILE",
            description = "A YAML/JSON file defining a multiple-choice task without Java. Repeatable.")
    List<Path> taskDefinitions = new ArrayList<>();

    TaskRegistry registry() {
        TaskRegistry registry = TaskRegistry.discover();
        for (Path definition : taskDefinitions) {
            registry = registry.with(new MultipleChoiceTask(CustomTasks.load(definition)));
        }
        return registry;
    }

    /** @param model the model, whose chat template {@code --apply-chat-template} renders */
    TaskSettings settings(ModelSpec model) {
        Map<String, String> args = new LinkedHashMap<>(taskArgs);
        if (answerRule != null) {
            args.put("answer-rule", answerRule);
        }
        if (maxGenTokens != null) {
            args.put("max-gen-tokens", String.valueOf(maxGenTokens));
        }
        if (maxLength != null) {
            args.put("max-length", String.valueOf(maxLength));
        }
        return new TaskSettings(Split.parse(split), shots, limit == null ? OptionalInt.empty() : OptionalInt.of(limit),
                PromptFormat.parse(format), ScoringMode.parse(scoring), seed, args, chatOptions.resolve(model));
    }

    /** The run's configuration; the bootstrap is seeded with the run's seed. */
    RunConfig config(ModelSpec model, int batchTokens, int resamples, double confidence) {
        return new RunConfig(tasks, settings(model), batchTokens, Intervals.bootstrap(resamples, seed, confidence));
    }

    Evaluator evaluator() {
        return new Evaluator(registry(), ModelRegistry.discover(), dataSources());
    }

    DataSources dataSources() {
        Map<String, Path> given = new LinkedHashMap<>();
        Set<String> unlocked = new HashSet<>();
        add(dataDirs, given, null);
        add(unlockedDirs, given, unlocked);
        return new DataSources(given, unlocked, lockOptions.load(), cacheOptions.cache(), offline, System.err::println);
    }

    private static void add(List<String> entries, Map<String, Path> into, Set<String> unlocked) {
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String task = eq > 0 ? entry.substring(0, eq) : DataSources.ANY_TASK;
            Path dir = Path.of(eq > 0 ? entry.substring(eq + 1) : entry).toAbsolutePath().normalize();
            if (into.put(task, dir) != null) {
                throw new ProctorException("a data directory is given twice for "
                        + (task.equals(DataSources.ANY_TASK) ? "all tasks" : "task " + task)
                        + " (--data-dir and --allow-unlocked together count)");
            }
            if (unlocked != null) {
                unlocked.add(task);
            }
        }
    }

    /** Bootstrap settings checked once, with one clear line. */
    static final class Intervals {
        private Intervals() {
        }

        static BootstrapConfig bootstrap(int resamples, long seed, double confidence) {
            try {
                return new BootstrapConfig(resamples, seed, new dev.proctor.stats.bootstrap.ConfidenceLevel(confidence));
            } catch (IllegalArgumentException e) {
                throw new ProctorException("--resamples " + resamples + " --confidence " + confidence + ": "
                        + e.getMessage());
            }
        }
    }
}
