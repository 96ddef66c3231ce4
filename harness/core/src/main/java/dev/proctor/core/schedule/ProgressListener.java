package dev.proctor.core.schedule;

/** Told as items complete, so a front end can draw a progress bar. Called from the scheduling thread. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() { };

    /** The run is about to score {@code pending} items; {@code alreadyDone} were found in the store. */
    default void started(long pending, long alreadyDone) {
    }

    /** {@code items} more items are scored and stored. */
    default void advanced(long items) {
    }

    default void finished() {
    }
}
