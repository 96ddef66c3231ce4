package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.core.plan.TaskSelection;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import dev.proctor.cli.datasets.CacheOptions;
import dev.proctor.cli.datasets.LockOptions;
import dev.proctor.tasks.custom.CustomTasks;
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

/** What to evaluate and how prompts look: shared by {@code run}, {@code prompts} and {@code bench}. */
final class TaskOptions {

    @Option(names = {"--tasks", "--task"}, split = ",", paramLabel = "TASK[:SUBJECT]",
            description = "Tasks or subjects, comma-separated: cmmlu, cmmlu:agronomy, @file (one per line). Default: ${DEFAULT-VALUE}.",
            defaultValue = "synthetic")
    List<String> tasks;

    @Option(names = "--split", defaultValue = "test", description = "dev, val or test. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--shots", defaultValue = "0", description = "Few-shot examples from the dev split. Default: ${DEFAULT-VALUE}.")
    int shots;

    @Option(names = "--limit", description = "At most N items per subject (file order).")
    Integer limit;

    @Option(names = "--format", defaultValue = "official",
            description = "Prompt format: official or lm-eval. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--seed", defaultValue = "1234", description = "Seed of every random choice. Default: ${DEFAULT-VALUE}.")
    long seed;

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
    LockOptions lockOptions;

    @Mixin
    CacheOptions cacheOptions;

    @Option(names = "--task-def", paramLabel = "FILE",
            description = "A YAML/JSON file defining a multiple-choice task without Java. Repeatable.")
    List<Path> taskDefinitions = new ArrayList<>();

    TaskRegistry registry() {
        TaskRegistry registry = TaskRegistry.discover();
        for (Path definition : taskDefinitions) {
            registry = registry.with(CustomTasks.load(definition));
        }
        return registry;
    }

    /**
     * The configuration with every task's data directory resolved: given with {@code --data-dir} or
     * {@code --allow-unlocked}, bundled with the task, or a locked dataset's folder in the cache (fetched first
     * unless {@code --offline}).
     */
    RunConfig config(ScoringMode scoring, int batchTokens, TaskRegistry registry) {
        List<String> selections = TaskSelection.expand(tasks);
        Map<String, Path> dirs = gate().withCachedDataDirs(selections, registry, dataDirMap());
        return new RunConfig(selections, Split.parse(split), shots,
                limit == null ? OptionalInt.empty() : OptionalInt.of(limit),
                PromptFormat.parse(format), scoring, seed, batchTokens, dirs);
    }

    DataGate gate() {
        return new DataGate(lockOptions.load(), cacheOptions.cache(), offline, unlockedKeys());
    }

    /** Keys of the data-dir map ({@link RunConfig#ANY_TASK} or task names) whose data is not to be verified. */
    private Set<String> unlockedKeys() {
        Set<String> keys = new HashSet<>();
        unlockedDirs.forEach(entry -> keys.add(taskKey(entry)));
        return keys;
    }

    private Map<String, Path> dataDirMap() {
        Map<String, Path> map = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(dataDirs);
        all.addAll(unlockedDirs);
        for (String entry : all) {
            String task = taskKey(entry);
            Path dir = Path.of(task.equals(RunConfig.ANY_TASK) ? entry : entry.substring(task.length() + 1))
                    .toAbsolutePath().normalize();
            if (map.put(task, dir) != null) {
                throw new ProctorException("a data directory is given twice for "
                        + (task.equals(RunConfig.ANY_TASK) ? "all tasks" : "task " + task)
                        + " (--data-dir and --allow-unlocked together count)");
            }
        }
        return map;
    }

    /** {@code cmmlu=DIR} names a task; a bare {@code DIR} applies to every task. */
    private static String taskKey(String entry) {
        int eq = entry.indexOf('=');
        return eq > 0 ? entry.substring(0, eq) : RunConfig.ANY_TASK;
    }
}
