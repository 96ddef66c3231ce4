package dev.proctor.stats.error;

import dev.proctor.stats.numeric.PythonRandom;

/**
 * lm-evaluation-harness's {@code bootstrap_stderr} for the mean, replayed exactly: chunks of min(1000, iters)
 * resamples, chunk i drawn with {@code random.Random(i).choices(xs, k=len(xs))}, the standard error being the
 * sample standard deviation (n-1) of the resampled means. lm-eval uses this only for non-mean metrics (f1, mcc,
 * bleu); for a mean it is here so its number can be checked against {@link StandardErrors}.
 */
public final class LmEvalBootstrap {
    private LmEvalBootstrap() {
    }

    public static double stderrOfMean(double[] xs, int iters) {
        int chunk = Math.min(1000, iters);
        int chunks = iters / chunk;
        double[] means = new double[chunks * chunk];
        int k = 0;
        for (int i = 0; i < chunks; i++) {
            PythonRandom rnd = new PythonRandom(i);
            for (int r = 0; r < chunk; r++) {
                double total = 0;
                for (int j = 0; j < xs.length; j++) {
                    total += xs[rnd.choiceIndex(xs.length)];
                }
                means[k++] = total / xs.length;
            }
        }
        return means.length < 2 ? Double.NaN : StandardErrors.sampleStddevPython(means);
    }
}
