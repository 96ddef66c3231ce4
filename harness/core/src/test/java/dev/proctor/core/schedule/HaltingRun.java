package dev.proctor.core.schedule;

import dev.proctor.api.request.RequestKind;
import dev.proctor.core.evaluate.PreparedRun;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.testkit.FakeModel;
import dev.proctor.core.testkit.Fixtures;
import dev.proctor.core.testkit.LineTask;
import dev.proctor.core.testkit.Runs;
import java.nio.file.Path;
import java.util.List;

/** A run in its own JVM that dies abruptly ({@code Runtime.halt}) during model call N+1: {@code DATA DB KIND N}. */
public final class HaltingRun {
    private HaltingRun() {
    }

    static final RunConfig CONFIG = Fixtures.config(List.of("lines"), 2);

    static LineTask task(RequestKind<?, ?> kind) {
        return new LineTask("lines", kind, Fixtures.ALGEBRA, Fixtures.HISTORY, Fixtures.MUSIC);
    }

    public static void main(String[] args) {
        RequestKind<?, ?> kind = RequestKind.of(args[2]);
        FakeModel model = FakeModel.all().haltAfter(Integer.parseInt(args[3]));
        PreparedRun run = Runs.prepare(Path.of(args[0]), CONFIG, model, task(kind));
        Runs.schedule(run, Path.of(args[1]));
        System.exit(3); // not reached: the model halts the JVM first
    }
}
