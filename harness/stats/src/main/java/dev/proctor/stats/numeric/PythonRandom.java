package dev.proctor.stats.numeric;

import org.apache.commons.math3.random.MersenneTwister;

/**
 * CPython's {@code random.Random(seed)} for a non-negative integer seed, so lm-evaluation-harness's bootstrap
 * (which seeds one {@code random.Random(i)} per chunk) can be replayed exactly. Both CPython and Commons Math
 * seed MT19937 with the reference {@code init_by_array}; CPython splits the seed into 32-bit words, least
 * significant first, and builds its 53-bit {@code random()} from two outputs (27 and 26 high bits), which differs
 * from Commons Math's own {@code nextDouble()}, hence this class.
 */
public final class PythonRandom {
    private final MersenneTwister mt;

    public PythonRandom(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("CPython seeds with abs(seed); pass a non-negative seed, got " + seed);
        }
        int high = (int) (seed >>> 32);
        int low = (int) seed;
        mt = new MersenneTwister(high == 0 ? new int[] {low} : new int[] {low, high});
    }

    /** {@code random.random()}: (a·2^26 + b) / 2^53 with a = the top 27 bits and b = the top 26 bits of two draws. */
    public double random() {
        long a = (mt.nextInt() >>> 5) & 0xffffffffL;
        long b = (mt.nextInt() >>> 6) & 0xffffffffL;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** One index of {@code random.choices(population, k=...)} without weights: floor(random() · n). */
    public int choiceIndex(int n) {
        return (int) Math.floor(random() * n);
    }
}
