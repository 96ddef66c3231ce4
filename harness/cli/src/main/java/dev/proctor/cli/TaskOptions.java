package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.core.plan.TaskSelection;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import dev.proctor.tasks.custom.CustomTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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

    RunConfig config(ScoringMode scoring, int batchTokens) {
        return new RunConfig(TaskSelection.expand(tasks), Split.parse(split), shots,
                limit == null ? OptionalInt.empty() : OptionalInt.of(limit),
                PromptFormat.parse(format), scoring, seed, batchTokens, dataDirMap());
    }

    private Map<String, Path> dataDirMap() {
        Map<String, Path> map = new LinkedHashMap<>();
        for (String entry : dataDirs) {
            int eq = entry.indexOf('=');
            String task = eq > 0 ? entry.substring(0, eq) : RunConfig.ANY_TASK;
            Path dir = Path.of(eq > 0 ? entry.substring(eq + 1) : entry).toAbsolutePath().normalize();
            if (map.put(task, dir) != null) {
                throw new ProctorException("--data-dir given twice for " + (eq > 0 ? "task " + task : "all tasks"));
            }
        }
        return map;
    }
}
