package dev.proctor.stats.paired;

import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.bootstrap.Resamples;
import dev.proctor.stats.bootstrap.Strata;
import dev.proctor.stats.bootstrap.StratifiedBootstrap;
import dev.proctor.stats.error.StandardErrors;
import java.util.Optional;

/**
 * Everything a paired comparison of two score vectors over the same items reports: standard errors of each mean
 * and of the difference, a paired bootstrap (both vectors resampled with the same indices), McNemar's test when
 * the scores are 0/1, and the sign-flip permutation test. An unpaired z-test is deliberately absent: it ignores
 * the correlation between two models' answers to the same question and overstates the uncertainty.
 *
 * @param n           items
 * @param a           standard errors of A's mean
 * @param b           standard errors of B's mean
 * @param difference  standard errors of the mean of a − b (the paired standard error)
 * @param bootstrapA  bootstrap of A's mean
 * @param bootstrapB  bootstrap of B's mean, on the same resamples
 * @param bootstrapDifference bootstrap of mean(a) − mean(b), on the same resamples
 * @param mcnemar     present when both vectors are 0/1
 * @param permutation sign-flip test of mean(a − b)
 * @param options     the settings used, seed included
 */
public record PairedStatistics(int n, StandardErrors a, StandardErrors b, StandardErrors difference,
                               BootstrapSummary bootstrapA, BootstrapSummary bootstrapB,
                               BootstrapSummary bootstrapDifference, Optional<McNemar> mcnemar,
                               PermutationResult permutation, PairedOptions options) {

    public static PairedStatistics compute(double[] a, double[] b, PairedOptions options) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired scores need the same items: " + a.length + " vs " + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("no items to compare");
        }
        double[] d = Resamples.difference(a, b);
        Resamples resamples = StratifiedBootstrap.run(new double[][] {a, b}, Strata.single("all", a.length),
                options.bootstrap());
        var level = options.bootstrap().confidence();
        Optional<McNemar> mcnemar = McNemar.isBinary(a) && McNemar.isBinary(b)
                ? Optional.of(McNemar.of(a, b)) : Optional.empty();
        return new PairedStatistics(a.length, StandardErrors.of(a), StandardErrors.of(b), StandardErrors.of(d),
                BootstrapSummary.of(resamples.micro()[0], level),
                BootstrapSummary.of(resamples.micro()[1], level),
                BootstrapSummary.of(Resamples.difference(resamples.micro()[0], resamples.micro()[1]), level),
                mcnemar, options.permutation(d, null), options);
    }
}
