/**
 * Signal and noise exactly as Heineman et al. 2025 and allenai/signal-and-noise define them: signal (relative
 * dispersion across models), noise (relative standard deviation, ddof = 0, over the last checkpoints of one run),
 * SNR, decision accuracy (strict "&gt;"), last-k checkpoint averaging, the metric's orientation (bits per byte is
 * flipped for ranking), and subtask filtering by SNR with the kept list written for {@code proctor run --tasks @file}.
 */
package dev.proctor.stats.snr;
