package dev.proctor.core.schedule;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.core.plan.Planner;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.run.ProgressListener;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import dev.proctor.core.store.ResultStore;
import dev.proctor.core.testkit.FakeLanguageModel;
import dev.proctor.core.testkit.Fixtures;
import java.nio.file.Path;
import java.util.List;

/** A run in its own JVM that dies abruptly ({@code Runtime.halt}) during batch N+1: {@code DATA DB N}. */
public final class HaltingRun {
    private HaltingRun() {
    }

    static final TaskRegistry TASKS = TaskRegistry.of(List.of(Fixtures.toyTask()));

    static RunConfig config(Path data) {
        return Fixtures.config(List.of("toy"), data, PromptFormat.OFFICIAL, ScoringMode.LETTER, 1, 150);
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        FakeLanguageModel model = new FakeLanguageModel().haltAfter(Integer.parseInt(args[2]));
        ResultStore store = ResultStore.open(Path.of(args[1]), "fingerprint");
        new Scheduler().run(Planner.plan(config(data), TASKS, model), model, store, ProgressListener.NONE);
        System.exit(3); // not reached: the model halts the JVM first
    }
}
