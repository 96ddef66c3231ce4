package dev.proctor.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real benchmark releases in ../shared/data; tests that need them skip, saying why, where it is absent. */
final class SharedData {
    private SharedData() {
    }

    static Path dir(String dataset) {
        Path shared = Path.of(System.getProperty("proctor.shared", "../../../shared"));
        Path dir = shared.resolve("data").resolve(dataset);
        assumeTrue(Files.isDirectory(dir), "the shared data folder " + dir.toAbsolutePath() + " is absent");
        return dir;
    }
}
