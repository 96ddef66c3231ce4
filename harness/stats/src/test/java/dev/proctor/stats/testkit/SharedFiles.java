package dev.proctor.stats.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared reference folder beside the project (../shared); tests that need it skip, saying why, without it. */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path path(String relative) {
        Path shared = Path.of(System.getProperty("proctor.shared", "../../../shared"));
        Path p = shared.resolve(relative);
        assumeTrue(Files.exists(p), "the shared reference file " + p.toAbsolutePath() + " is absent");
        return p;
    }
}
