package dev.proctor.core.evaluate;

import java.nio.file.Path;

/** Where a run writes: a directory chosen by the user, or one named after the run. */
@FunctionalInterface
public interface RunOutput {
    Path directory(RunIdentity identity);

    /** {@code dir} whatever the run. */
    static RunOutput at(Path dir) {
        return identity -> dir;
    }

    /** {@code reports/<run-id>/}. */
    static RunOutput under(Path reports) {
        return identity -> reports.resolve(identity.runId());
    }
}
