package dev.proctor.stats.snr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * @param modelNames      the models' names, to say which score is missing
     * @param checkpointNames the checkpoints' names, likewise
     */
    public static SnrResult of(String column, double[] modelScores, double[] checkpointScores, SignalVariant variant,
                               List<String> modelNames, List<String> checkpointNames) {
        double signal = variant == SignalVariant.STD ? signalStd(modelScores) : signal(modelScores);
        double noise = noise(checkpointScores);
        return new SnrResult(column, modelScores.length, checkpointScores.length, NumpyMath.mean(modelScores),
                dispersion(modelScores), signal, NumpyMath.mean(checkpointScores),
                NumpyMath.std(checkpointScores, 0), noise, signal / noise,
                undefined(modelScores, checkpointScores, signal, noise, modelNames, checkpointNames));
    }

    /** {@link #of(String, double[], double[], SignalVariant, List, List)} for unnamed rows. */
    public static SnrResult of(String column, double[] modelScores, double[] checkpointScores, SignalVariant variant) {
        return of(column, modelScores, checkpointScores, variant, positions("model", modelScores.length),
                positions("checkpoint", checkpointScores.length));
    }

    /** Why the ratio cannot be reported, in the order a reader would fix it; empty when it can. */
    static Optional<String> undefined(double[] models, double[] checkpoints, double signal, double noise,
                                      List<String> modelNames, List<String> checkpointNames) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < models.length; i++) {
            if (Double.isNaN(models[i])) {
                missing.add(modelNames.get(i));
            }
        }
        for (int i = 0; i < checkpoints.length; i++) {
            if (Double.isNaN(checkpoints[i])) {
                missing.add(checkpointNames.get(i));
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("no score for " + String.join(", ", missing));
        }
        if (models.length < 2) {
            return Optional.of("one model: a spread across models needs two or more");
        }
        if (checkpoints.length < 2) {
            return Optional.of("one checkpoint: a spread across checkpoints needs two or more");
        }
        if (noise == 0) {
            return Optional.of("no noise: the checkpoints' scores are identical, so signal / noise has no finite value");
        }
        if (!Double.isFinite(signal) || !Double.isFinite(noise)) {
            return Optional.of("a mean score of 0: relative spreads are not defined");
        }
        return Optional.empty();
    }

    private static List<String> positions(String what, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(what + " " + i);
        }
        return out;
    }
}
