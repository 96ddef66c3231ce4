package dev.proctor.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file a run read, with the hash the planner already computed (so nothing is hashed twice).
 *
 * @param path   absolute, under the run's data directory
 * @param sha256 lower-case hex of the file's bytes
 */
public record LocalFile(Path path, String sha256) {
    public LocalFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
