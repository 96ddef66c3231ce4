package dev.proctor.stats.paired;

/**
 * A paired sign-flip permutation test of the mean difference.
 *
 * @param statistic      observed mean of d = a − b (or the weighted sum, for a macro average)
 * @param pTwoSided      scipy's convention: min(1, 2 · min(pLess, pGreater))
 * @param pGreater       P(T* ≥ T)
 * @param pLess          P(T* ≤ T)
 * @param pTwoSidedAbs   exact enumeration only: #{|T*| ≥ |T|} / 2^m (equal to {@code pTwoSided} for a symmetric
 *                       null); NaN for Monte Carlo
 * @param exact          all 2^m sign assignments of the m non-zero differences enumerated
 * @param nonZero        m, the differences that are not zero (a zero difference never moves T*, so enumerating
 *                       2^m assignments gives the same p-values as enumerating 2^n)
 * @param resamples      Monte Carlo only: N random assignments; p = (count + 1) / (N + 1) as scipy; 0 when exact
 * @param seed           Monte Carlo seed
 */
public record PermutationResult(double statistic, double pTwoSided, double pGreater, double pLess,
                                double pTwoSidedAbs, boolean exact, int nonZero, int resamples, long seed) {
}
