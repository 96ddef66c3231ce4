package dev.proctor.api;

import java.nio.file.Path;

/**
 * A data file does not have the shape its task expects. The message names the file, the line
 * (1-based, of the record's first physical line) and what was expected, so the user can fix it;
 * nothing from such a file is ever scored.
 */
public final class DataFormatException extends ProctorException {
    private final Path file;
    private final long line;

    public DataFormatException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }
}
