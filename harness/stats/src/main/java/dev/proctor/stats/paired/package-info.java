/**
 * Two runs, or two score files, compared item by item: the items must be the same (a mismatch is refused, naming
 * what differs), and every statistic is paired: bootstrap of the difference on shared resamples, McNemar's test
 * (exact, and chi-square with statsmodels' continuity correction), and the sign-flip permutation test. No unpaired
 * z-test: on paired data it ignores the correlation between the runs.
 */
package dev.proctor.stats.paired;
