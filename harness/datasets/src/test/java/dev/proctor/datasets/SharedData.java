package dev.proctor.datasets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's real pins and the shared copies of the real data; tests needing the latter skip, saying why. */
final class SharedData {
    private SharedData() {
    }

    /** The repository root's {@code datasets.lock}, found from the module's folder upwards. */
    static Path repositoryLock() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DatasetLock.FILE_NAME)) && Files.isDirectory(dir.resolve("harness"))) {
                return dir.resolve(DatasetLock.FILE_NAME);
            }
        }
        throw new IllegalStateException("no datasets.lock above " + Path.of("").toAbsolutePath());
    }

    /** {@code <shared>/data/<name>}, or the test is skipped with the reason. */
    static Path data(String name) {
        String property = System.getProperty("proctor.shared");
        Path shared = property == null || property.isBlank() ? Path.of("../../../shared") : Path.of(property);
        Path dir = shared.resolve("data").resolve(name).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir), "shared data absent: " + dir + " does not exist (set -Dproctor.shared to"
                + " the folder holding data/" + name + " to run this test)");
        return dir;
    }
}
