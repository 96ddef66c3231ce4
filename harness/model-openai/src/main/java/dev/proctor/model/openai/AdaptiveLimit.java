package dev.proctor.model.openai;

/**
 * How many requests one endpoint may have in flight: additive increase (one more per round of answers) while answers
 * come back, halved on overload (429, 503, timeouts), as TCP's congestion control does. Bounded by the configured
 * maximum, never below one. A batching server answers more slowly as it takes more at once, so slower answers alone
 * are no signal: only the server's own refusals and timeouts are.
 */
final class AdaptiveLimit {
    private final int max;
    private double limit;
    private int inFlight;

    AdaptiveLimit(int initial, int max) {
        this.max = max;
        this.limit = Math.min(initial, max);
    }

    synchronized boolean tryAcquire() {
        if (inFlight < (int) limit) {
            inFlight++;
            return true;
        }
        return false;
    }

    synchronized void release() {
        inFlight--;
    }

    /** An attempt came back; {@code overloaded} when the endpoint said it was busy or did not answer in time. */
    synchronized void observe(boolean overloaded) {
        if (overloaded) {
            limit = Math.max(1, limit / 2);
        } else {
            limit = Math.min(max, limit + 1 / limit);
        }
    }

    /** After an endpoint comes back: one request at a time until it proves itself. */
    synchronized void restart() {
        limit = 1;
    }

    synchronized int current() {
        return (int) limit;
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
