package dev.proctor.stats.snr;

/**
 * Signal and noise of one column (task or subtask).
 *
 * @param column      the column
 * @param models      scores behind the signal
 * @param checkpoints scores behind the noise (the last N of one run)
 * @param signalMean  mean over models
 * @param dispersion  max − min over models
 * @param signal      relative dispersion (or the std variant)
 * @param noiseMean   mean over checkpoints
 * @param noiseSd     std (ddof = 0) over checkpoints
 * @param noise       noiseSd / noiseMean
 * @param snr         signal / noise
 */
public record SnrResult(String column, int models, int checkpoints, double signalMean, double dispersion,
                        double signal, double noiseMean, double noiseSd, double noise, double snr) {
}
