package dev.proctor.stats.snr;

import dev.proctor.stats.numeric.NumpyMath;

/**
 * Signal, noise and their ratio exactly as allenai/signal-and-noise {@code snr/metrics.py}
 * ({@code signal_to_noise_ratio}): signal is the relative dispersion of the models' scores, noise the relative
 * standard deviation (ddof = 0) of one run's last checkpoints.
 */
public final class SignalNoise {
    private SignalNoise() {
    }

    /** max over pairs |m_j − m_k| = max − min; NaN when a score is NaN. */
    public static double dispersion(double[] modelScores) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : modelScores) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        return max - min;
    }

    /** dispersion / mean over models (the paper's signal). */
    public static double signal(double[] modelScores) {
        return dispersion(modelScores) / NumpyMath.mean(modelScores);
    }

    /** The variant of their metaanalysis.py: pandas {@code .std()} (ddof = 1) over models / mean. */
    public static double signalStd(double[] modelScores) {
        return NumpyMath.std(modelScores, 1) / NumpyMath.mean(modelScores);
    }

    /** std (ddof = 0) / mean over the checkpoints given (pass the last N of one run). */
    public static double noise(double[] checkpointScores) {
        return NumpyMath.std(checkpointScores, 0) / NumpyMath.mean(checkpointScores);
    }

    public static SnrResult of(String column, double[] modelScores, double[] checkpointScores, SignalVariant variant) {
        double signal = variant == SignalVariant.STD ? signalStd(modelScores) : signal(modelScores);
        double noise = noise(checkpointScores);
        return new SnrResult(column, modelScores.length, checkpointScores.length, NumpyMath.mean(modelScores),
                dispersion(modelScores), signal, NumpyMath.mean(checkpointScores),
                NumpyMath.std(checkpointScores, 0), noise, signal / noise);
    }
}
