package dev.proctor.core.data;

import java.nio.file.Path;

/**
 * A data file a run read, for provenance and the run fingerprint.
 *
 * @param task    the task that read it
 * @param subject the subject it belongs to
 * @param role    what it is to the task ({@code test}, {@code dev}, {@code corpus}, {@code qrels})
 * @param path    where it was read
 * @param sha256  its SHA-256
 * @param bytes   its size
 */
public record DataFileRef(String task, String subject, String role, Path path, String sha256, long bytes) {
}
