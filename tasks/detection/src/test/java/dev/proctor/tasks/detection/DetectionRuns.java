package dev.proctor.tasks.detection;

import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.evaluate.Evaluation;
import dev.proctor.core.evaluate.Evaluator;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.evaluate.RunOutput;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.schedule.ProgressListener;
import dev.proctor.core.select.DataSources;
import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** {@code proctor run --tasks detection[:SUBJECT] --model embedded:shapes-detector} through the one evaluator. */
final class DetectionRuns {
    static final String MODEL = "embedded:shapes-detector";

    private DetectionRuns() {
    }

    /** The bundled set, with the detector's model arguments ({@code batch=N}). */
    static Evaluation bundled(Map<String, String> modelArgs, Path out) {
        return run(DataSources.bundledOnly(), modelArgs, out);
    }

    /** A folder of the user's ({@code --allow-unlocked detection=DIR}). */
    static Evaluation folder(Path dir, Path out) {
        return run(new DataSources(Map.of("detection", dir), Set.of("detection"), DatasetLock.empty(),
                new DatasetCache(out.resolve("no-cache")), true, line -> { }), Map.of(), out);
    }

    private static Evaluation run(DataSources data, Map<String, String> modelArgs, Path out) {
        TaskSettings settings = new TaskSettings(Split.TEST, 0, OptionalInt.empty(), PromptFormat.OFFICIAL,
                ScoringMode.LETTER, 1234, Map.of());
        RunConfig config = new RunConfig(List.of("detection"), settings, 8192,
                new BootstrapConfig(1000, 1234, ConfidenceLevel.NINETY_FIVE));
        Evaluator evaluator = new Evaluator(TaskRegistry.of(List.of(new DetectionTask())), ModelRegistry.discover(),
                data);
        return evaluator.evaluate(config, ModelSpec.parse(MODEL, "cpu", modelArgs), RunOutput.at(out),
                ProgressListener.NONE);
    }
}
