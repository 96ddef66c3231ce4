package dev.proctor.stats.snr;

import java.util.Optional;

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
 * @param snr         signal / noise, as the reference computes it (Infinity when the noise is 0, NaN when a score is
 *                    missing); ranking and filtering use this value, as the reference does
 * @param undefined   why the SNR is not a number that can be reported (one model, one checkpoint, a missing score,
 *                    no noise), empty when it is; reports print the SNR as undefined with this reason
 */
public record SnrResult(String column, int models, int checkpoints, double signalMean, double dispersion,
                        double signal, double noiseMean, double noiseSd, double noise, double snr,
                        Optional<String> undefined) {

    /** A column the signal table has and the noise table lacks: nothing can be computed. */
    public static SnrResult missing(String column, int models, String reason) {
        return new SnrResult(column, models, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Optional.of(reason));
    }

    /** {@link #snr}, or NaN when it is undefined: what reports show. */
    public double reportedSnr() {
        return undefined.isPresent() ? Double.NaN : snr;
    }
}
