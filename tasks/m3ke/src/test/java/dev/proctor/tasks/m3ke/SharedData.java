package dev.proctor.tasks.m3ke;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared reference data beside the project: system property {@code proctor.shared} (set by the root pom's
 * surefire configuration), else {@code ../../../shared} from the module directory. Tests that need it skip,
 * saying why, when it is absent.
 */
final class SharedData {
    private SharedData() {
    }

    static Path require(String relative) {
        String property = System.getProperty("proctor.shared");
        Path shared = property == null || property.isBlank() ? Path.of("../../../shared") : Path.of(property);
        Path dir = shared.resolve(relative);
        Assumptions.assumeTrue(Files.isDirectory(dir), "skipped: the shared data folder " + dir.toAbsolutePath()
                + " is absent (set -Dproctor.shared=<path to shared/>)");
        return dir;
    }
}
