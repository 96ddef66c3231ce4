package dev.proctor.model.openai;

import java.util.Arrays;

/**
 * The most recent answer times, for deciding when a request has been out too long: four times the median of the last
 * 64, and never under two seconds, so that ordinary jitter and a batching server's uneven answers send nothing twice.
 */
final class Latencies {
    static final long FLOOR_NANOS = 2_000_000_000L;
    private static final int WINDOW = 64;
    private static final int FACTOR = 4;

    private final long[] recent = new long[WINDOW];
    private int count;

    void add(long nanos) {
        recent[count % WINDOW] = nanos;
        count++;
    }

    /** How long a request may be out before it is sent again elsewhere; the floor until answers have been seen. */
    long hedgeAfterNanos() {
        int n = Math.min(count, WINDOW);
        if (n == 0) {
            return FLOOR_NANOS;
        }
        long[] sorted = Arrays.copyOf(recent, n);
        Arrays.sort(sorted);
        return Math.max(FLOOR_NANOS, FACTOR * sorted[n / 2]);
    }
}
