package dev.proctor.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference folder beside the project ({@code ../shared}: the real CMMLU and M3KE releases, the peer
 * tools' cases, reference files). Its contents are not ours to copy into the project, so tests read them there
 * and skip, saying why, where it is absent; CI always has it.
 */
public final class SharedFolder {
    /** The system property naming the folder; the root pom's surefire configuration sets it. */
    public static final String PROPERTY = "proctor.shared";

    private SharedFolder() {
    }

    /** The folder: {@value #PROPERTY} if set, else {@code ../../../shared} from a module's directory. */
    public static Path root() {
        String property = System.getProperty(PROPERTY);
        return (property == null || property.isBlank() ? Path.of("../../../shared") : Path.of(property))
                .toAbsolutePath().normalize();
    }

    /** {@code <shared>/relative}, whether or not it exists, for callers that decide for themselves. */
    public static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /** {@code <shared>/relative} (a file or a folder); the calling test is skipped, with the reason, without it. */
    public static Path require(String relative) {
        Path path = resolve(relative);
        assumeTrue(Files.exists(path), "skipped: " + path + " is absent (the shared folder is found through -D"
                + PROPERTY + ", else ../shared beside the project)");
        return path;
    }
}
