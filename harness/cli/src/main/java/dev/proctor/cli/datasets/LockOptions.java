package dev.proctor.cli.datasets;

import dev.proctor.datasets.DatasetLock;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --lock FILE}: which lock a command reads; without it ./datasets.lock, else the pins built into Proctor. */
public final class LockOptions {
    @Option(names = "--lock", paramLabel = "FILE",
            description = "The lock file (default: ./datasets.lock, else the one built into Proctor).")
    Path lockFile;

    public DatasetLock load() {
        return DatasetLock.load(lockFile);
    }
}
