package dev.proctor.serve;

import java.util.Random;

/**
 * A test option of {@code proctor serve}: on a seeded fraction of completion requests, one of the failures a real
 * deployment shows, drawn uniformly: a dropped connection, a delay, a 500, a 429 with Retry-After, or a 200 whose JSON
 * is cut short. Clients must survive every one of them without a changed result.
 *
 * @param rate  the fraction of requests that fail, 0 for none
 * @param seed  the seed of the draws
 */
record Faults(double rate, long seed) {
    /** What happens to one request. */
    enum Kind { NONE, DROP, DELAY, SERVER_ERROR, RATE_LIMITED, TRUNCATED }

    static final Faults NONE = new Faults(0, 0);

    Faults {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("the fault rate is a fraction from 0 to 1, got " + rate);
        }
    }

    /** Draws the fate of successive requests; one per server, shared by its handler threads. */
    final class Draw {
        private final Random random = new Random(seed);

        synchronized Kind next() {
            if (rate == 0 || random.nextDouble() >= rate) {
                return Kind.NONE;
            }
            Kind[] kinds = Kind.values();
            return kinds[1 + random.nextInt(kinds.length - 1)];
        }
    }
}
