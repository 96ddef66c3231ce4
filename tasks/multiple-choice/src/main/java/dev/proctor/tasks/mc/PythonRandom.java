package dev.proctor.tasks.mc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CPython 3's {@code random.Random}, draw for draw, for the operations lm-evaluation-harness's few-shot sampler uses.
 * Its default sampler is {@code rnd = random.Random(seed)} followed by {@code rnd.sample(pool, n)} for each document,
 * with the one generator's state carrying from call to call; to show a model the same examples, Proctor must draw
 * with the same generator and the same sampling rules, so this class follows CPython 3.11's
 * {@code Modules/_randommodule.c} (the Mersenne Twister MT19937 and integer seeding) and {@code Lib/random.py}
 * ({@code _randbelow}, {@code sample}, {@code shuffle}) rule for rule. Not thread-safe, like the original.
 */
public final class PythonRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    /** Next word of {@link #mt} to temper; {@code N} means the block must be regenerated first. */
    private int index;

    /**
     * Seeded as {@code random.Random(seed)} is for a Python int: the generator keys on the absolute value, split into
     * 32-bit words, least significant first, with no leading zero words (so 0 is the one-word key {@code [0]}).
     */
    public PythonRandom(long seed) {
        // Negation overflows only for Long.MIN_VALUE, whose unsigned reading is 2^63: exactly abs(seed).
        long magnitude = seed < 0 ? -seed : seed;
        int low = (int) magnitude;
        int high = (int) (magnitude >>> 32);
        initByArray(high == 0 ? new int[] {low} : new int[] {low, high});
    }

    /** {@code getrandbits(k)}: an integer of k random bits, 0 <= k <= 64; for k == 64 read the result unsigned. */
    public long getrandbits(int k) {
        if (k < 0 || k > 64) {
            throw new IllegalArgumentException("getrandbits supports 0 to 64 bits, not " + k);
        }
        if (k == 0) {
            return 0; // CPython returns 0 without drawing a word
        }
        if (k <= 32) {
            return Integer.toUnsignedLong(genrandUint32()) >>> (32 - k); // keep the word's top k bits
        }
        // Words fill the integer from its least significant end; the last word keeps only its top (k - 32) bits.
        long low = Integer.toUnsignedLong(genrandUint32());
        long high = Integer.toUnsignedLong(genrandUint32()) >>> (64 - k);
        return (high << 32) | low;
    }

    /** {@code _randbelow(n)} (the getrandbits variant): uniform in [0, n), redrawing every value of n bits >= n. */
    public long randbelow(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("randbelow needs a positive bound, not " + n);
        }
        int bits = Long.SIZE - Long.numberOfLeadingZeros(n); // n.bit_length(), not that of n - 1 (n may be 1)
        long r = getrandbits(bits);
        while (r >= n) {
            r = getrandbits(bits);
        }
        return r;
    }

    /** {@code random()}: a double in [0, 1) with 53 random bits, 27 from one word and 26 from the next. */
    public double random() {
        int a = genrandUint32() >>> 5;
        int b = genrandUint32() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /**
     * {@code sample(population, k)}: k distinct positions of the population, as a new list in draw order. Like
     * CPython, it either draws from a shrinking copy of the population or redraws positions already taken, depending
     * on sizes; the two consume different draws, so the choice must be CPython's.
     */
    public <T> List<T> sample(List<T> population, int k) {
        int n = population.size();
        if (k < 0 || k > n) {
            throw new IllegalArgumentException(
                    "sample size " + k + " is negative or larger than the population of " + n);
        }
        List<T> result = new ArrayList<>(k);
        if (n <= setSize(k)) {
            // Unpicked items stay in pool[0, n - i): each pick is replaced by the last unpicked item.
            List<T> pool = new ArrayList<>(population);
            for (int i = 0; i < k; i++) {
                int j = (int) randbelow(n - i);
                result.add(pool.get(j));
                pool.set(j, pool.get(n - i - 1));
            }
        } else {
            Set<Integer> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = (int) randbelow(n);
                while (!selected.add(j)) { // a position already taken is drawn again
                    j = (int) randbelow(n);
                }
                result.add(population.get(j));
            }
        }
        return result;
    }

    /** {@code shuffle(x)} in place: from the last position down to 1, swap with a position drawn at or below it. */
    public <T> void shuffle(List<T> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            Collections.swap(x, i, (int) randbelow(i + 1));
        }
    }

    /**
     * The population size up to which {@link #sample} copies the population rather than tracking a set. CPython
     * computes {@code 21 + 4 ** ceil(log(3k, 4))} (the 4-power only for k > 5) in floating point; 3k is never a power
     * of 4, and for an int k never near enough one for the rounded log to cross an integer, so the smallest power of 4
     * reaching 3k is the same number, without the floating point.
     */
    static long setSize(int k) {
        long size = 21;
        if (k > 5) {
            long power = 1;
            while (power < 3L * k) {
                power *= 4;
            }
            size += power;
        }
        return size;
    }

    /** The next tempered output word (genrand_uint32); int arithmetic wraps exactly as uint32_t does. */
    private int genrandUint32() {
        if (index >= N) {
            // One loop with wrap-around indices: the same updates, in the same order, as the reference's three loops.
            for (int kk = 0; kk < N; kk++) {
                int y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK);
                mt[kk] = mt[(kk + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000; // top bit set: the state is never all zeros
    }
}
