/**
 * Statistics that leaderboards can trust: standard errors and seeded bootstrap intervals for one run
 * ({@code error}, {@code bootstrap}), paired comparisons of two runs on the same items ({@code paired}), merged
 * versus fine-tuned models ({@code merge}), rank agreement between leaderboards ({@code rank}), and signal, noise
 * and subtask filtering after Heineman et al. 2025 ({@code snr}). Inputs are Proctor run directories and plain
 * score tables ({@code io}); every command's tables are written with provenance ({@code report}).
 *
 * <p>Conventions follow the reference tools exactly (numpy, scipy, statsmodels, lm-evaluation-harness); each class
 * names the tool it reproduces and where our choice differs.
 */
package dev.proctor.stats;
