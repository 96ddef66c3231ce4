package dev.proctor.tasks.mgt;

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
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** {@code proctor run --tasks TASK --model MODEL --task-arg ...} on the bundled suite, through the one evaluator. */
final class MgtRuns {
    private MgtRuns() {
    }

    static Evaluation run(String task, String model, Map<String, String> taskArgs, int batchTokens, Path out) {
        TaskSettings settings = new TaskSettings(Split.TEST, 0, OptionalInt.empty(), PromptFormat.OFFICIAL,
                ScoringMode.LETTER, 1234, taskArgs);
        RunConfig config = new RunConfig(List.of(task), settings, batchTokens,
                new BootstrapConfig(1000, 1234, ConfidenceLevel.NINETY_FIVE));
        Evaluator evaluator = new Evaluator(TaskRegistry.of(new MgtTasks().tasks()), ModelRegistry.discover(),
                DataSources.bundledOnly());
        return evaluator.evaluate(config, ModelSpec.parse(model, "cpu", Map.of()), RunOutput.at(out),
                ProgressListener.NONE);
    }
}
