package dev.proctor.core.plan;

import java.nio.file.Path;

/**
 * A data file the plan read, for provenance and the run fingerprint.
 *
 * @param split the split's id ({@code test}, {@code dev})
 */
public record DataFileRef(String task, String subject, String split, Path path, String sha256, long bytes) {
}
