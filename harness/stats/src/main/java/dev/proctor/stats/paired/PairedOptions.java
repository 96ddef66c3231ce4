package dev.proctor.stats.paired;

import dev.proctor.stats.bootstrap.BootstrapConfig;

/**
 * Settings of every paired comparison, recorded in its report.
 *
 * @param bootstrap             resamples, seed and level of the paired bootstrap
 * @param permutationResamples  Monte Carlo sign-flip assignments when exact enumeration is too large
 * @param exactMaxNonZero       enumerate all sign flips up to this many non-zero differences
 */
public record PairedOptions(BootstrapConfig bootstrap, int permutationResamples, int exactMaxNonZero) {

    public static PairedOptions defaults() {
        return new PairedOptions(BootstrapConfig.defaults(), SignFlipTest.DEFAULT_RESAMPLES, SignFlipTest.DEFAULT_EXACT_MAX);
    }

    public PermutationResult permutation(double[] d, double[] weights) {
        return SignFlipTest.test(d, weights, exactMaxNonZero, permutationResamples, bootstrap.seed());
    }
}
