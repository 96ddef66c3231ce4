package dev.proctor.stats.bootstrap;

/**
 * How a seeded bootstrap draws: B resamples from a Commons Math {@code Well19937c} seeded with {@code seed}, so
 * the same seed gives the same intervals on any JVM with commons-math3 3.6.1. numpy's PCG64 stream is not
 * reproduced, so the same seed does not give the peers' indices; replay a given index matrix for that
 * ({@link BootstrapReplay}).
 *
 * @param resamples  B (default 10,000)
 * @param seed       recorded in every report
 * @param confidence interval level
 */
public record BootstrapConfig(int resamples, long seed, ConfidenceLevel confidence) {
    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final long DEFAULT_SEED = 1234;
    public static final String RNG = "org.apache.commons.math3.random.Well19937c(seed), commons-math3 3.6.1;"
            + " per resample, per stratum in order, nextInt(n_stratum) for each of its n_stratum items";

    public BootstrapConfig {
        if (resamples < 2) {
            throw new IllegalArgumentException("a bootstrap needs at least 2 resamples, got " + resamples);
        }
    }

    public static BootstrapConfig defaults() {
        return new BootstrapConfig(DEFAULT_RESAMPLES, DEFAULT_SEED, ConfidenceLevel.NINETY_FIVE);
    }
}
