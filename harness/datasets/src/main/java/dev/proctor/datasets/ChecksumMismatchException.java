package dev.proctor.datasets;

import dev.proctor.api.ProctorException;

/** A file's bytes are not the ones the lock pins. Nothing with these bytes is ever scored or put in the cache. */
public final class ChecksumMismatchException extends ProctorException {
    private final String file;
    private final String expected;
    private final String actual;

    /**
     * @param file   the file as the user knows it (a local path or lock path)
     * @param detail what happened to it, e.g. "the download was discarded"
     */
    public ChecksumMismatchException(String datasetId, String file, String expected, String actual, String detail) {
        super("dataset " + datasetId + ": " + file + " does not match " + DatasetLock.FILE_NAME + ": expected sha256 "
                + expected + ", actual " + actual + (detail.isEmpty() ? "" : "; " + detail));
        this.file = file;
        this.expected = expected;
        this.actual = actual;
    }

    public String file() {
        return file;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
