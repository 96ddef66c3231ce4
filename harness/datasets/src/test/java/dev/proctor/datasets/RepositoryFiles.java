package dev.proctor.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's own files that tests check: its real {@code datasets.lock}. */
final class RepositoryFiles {
    private RepositoryFiles() {
    }

    /** The repository root's {@code datasets.lock}, found from the module's folder upwards. */
    static Path lock() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DatasetLock.FILE_NAME)) && Files.isDirectory(dir.resolve("harness"))) {
                return dir.resolve(DatasetLock.FILE_NAME);
            }
        }
        throw new IllegalStateException("no datasets.lock above " + Path.of("").toAbsolutePath());
    }
}
