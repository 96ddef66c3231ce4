package dev.proctor.api.task;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a task reads for one subject: hashed into the run's provenance and checked against datasets.lock.
 *
 * @param role what the file is to the task ({@code test}, {@code dev}, {@code corpus}, {@code qrels})
 * @param path the file
 */
public record DataFile(String role, Path path) {
    public DataFile {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(path, "path");
    }
}
