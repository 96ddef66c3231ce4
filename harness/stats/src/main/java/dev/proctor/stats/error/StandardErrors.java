package dev.proctor.stats.error;

import dev.proctor.stats.numeric.NumpyMath;

/**
 * The standard errors of a mean that the reference tools report, each named for where it comes from, because they
 * differ by the factor sqrt(n/(n-1)) and tools mix them up.
 *
 * @param n          number of items
 * @param mean       {@code np.mean}
 * @param binomial   sqrt(p(1-p)/n) with p the mean; meaningful for 0/1 scores only
 * @param lmEval     lm-evaluation-harness {@code mean_stderr}: sample std (n-1) / sqrt(n), computed in Python's
 *                   sequential order; NaN for n = 1, where lm-eval raises ZeroDivisionError
 * @param population {@code np.std(x) / sqrt(n)} (ddof = 0)
 * @param sample     {@code np.std(x, ddof=1) / sqrt(n)} (scipy.stats.sem); equals {@code lmEval} up to rounding;
 *                   NaN for n = 1
 */
public record StandardErrors(int n, double mean, double binomial, double lmEval, double population, double sample) {

    public static StandardErrors of(double[] x) {
        int n = x.length;
        double mean = NumpyMath.mean(x);
        return new StandardErrors(n, mean,
                Math.sqrt(mean * (1 - mean) / n),
                lmEvalMeanStderr(x),
                NumpyMath.std(x, 0) / Math.sqrt(n),
                NumpyMath.std(x, 1) / Math.sqrt(n));
    }

    /** lm_eval/api/metrics.py: {@code sample_stddev(arr) / math.sqrt(len(arr))} with Python's left-to-right sums. */
    public static double lmEvalMeanStderr(double[] x) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        return sampleStddevPython(x) / Math.sqrt(n);
    }

    /** lm-eval {@code sample_stddev}: sqrt(sum((x - mu)^2) / (n - 1)), mu = sum(x)/n, both sums sequential. */
    static double sampleStddevPython(double[] x) {
        double total = 0;
        for (double v : x) {
            total += v;
        }
        double mu = total / x.length;
        double squares = 0;
        for (double v : x) {
            squares += (v - mu) * (v - mu);
        }
        return Math.sqrt(squares / (x.length - 1));
    }
}
