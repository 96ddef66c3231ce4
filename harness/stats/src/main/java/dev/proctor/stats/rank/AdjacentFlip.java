package dev.proctor.stats.rank;

/**
 * Two neighbours on a leaderboard and how often the bootstrap swaps them.
 *
 * @param upper      the model ranked above
 * @param lower      the model ranked just below
 * @param upperScore its score
 * @param lowerScore the lower model's score
 * @param pFlip      fraction of resamples in which the lower model scores strictly better
 * @param pTie       fraction of resamples in which the two score exactly the same
 */
public record AdjacentFlip(String upper, String lower, double upperScore, double lowerScore, double pFlip,
                           double pTie) {
}
