/**
 * Floating-point arithmetic in the reference tools' own order (numpy's pairwise sums and 'linear' percentiles,
 * CPython's Mersenne Twister), so that replayed statistics match theirs exactly instead of approximately.
 */
package dev.proctor.stats.numeric;
