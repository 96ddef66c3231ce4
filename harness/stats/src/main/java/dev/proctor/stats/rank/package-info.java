/**
 * Rank agreement between leaderboards: Kendall tau-b and tau-c and Spearman rho with scipy's p-values, and the
 * bootstrap probability that neighbours on a leaderboard swap places.
 */
package dev.proctor.stats.rank;
