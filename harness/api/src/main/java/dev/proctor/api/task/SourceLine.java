package dev.proctor.api.task;

import java.nio.file.Path;

/** Where an item came from: file and 1-based line of the record's start. Used in every error about it. */
public record SourceLine(Path file, long line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
