package dev.proctor.core.testkit;

import dev.proctor.api.model.Model;
import dev.proctor.api.task.Task;
import dev.proctor.core.evaluate.Evaluator;
import dev.proctor.core.evaluate.PreparedRun;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.schedule.ProgressListener;
import dev.proctor.core.schedule.RunOutcome;
import dev.proctor.core.select.DataSources;
import dev.proctor.core.store.ResultStore;
import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetLock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plans and schedules runs of fake tasks on fake models, the way the evaluator does. */
public final class Runs {
    private Runs() {
    }

    /** Every task reads {@code data}, not checked against a lock (the results say "unlocked"). */
    public static DataSources unlocked(Path data) {
        return new DataSources(Map.of(DataSources.ANY_TASK, data), Set.of(DataSources.ANY_TASK), DatasetLock.empty(),
                new DatasetCache(data.resolve("no-cache")), true, line -> { });
    }

    public static Evaluator evaluator(Path data, Task... tasks) {
        return new Evaluator(TaskRegistry.of(List.of(tasks)), ModelRegistry.of(List.of()), unlocked(data));
    }

    /** Selects, verifies and plans {@code config} on an open model. */
    public static PreparedRun prepare(Path data, RunConfig config, Model model, Task... tasks) {
        return evaluator(data, tasks).prepare(config, model, model.info().name());
    }

    /** Schedules a prepared run on the store at {@code db}. */
    public static RunOutcome schedule(PreparedRun run, Path db) {
        try (ResultStore store = ResultStore.open(db)) {
            return run.schedule(store, ProgressListener.NONE);
        }
    }
}
