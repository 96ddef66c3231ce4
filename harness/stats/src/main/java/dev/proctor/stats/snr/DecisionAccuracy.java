package dev.proctor.stats.snr;

/**
 * The fraction of model pairs whose order at small scale agrees with their order at the target scale, as their
 * {@code decision_acc_fast}: for i &lt; j, agreement is (small_i &gt; small_j) == (target_i &gt; target_j). The
 * comparison is a strict "&gt;", so ties are not dropped: a pair tied at both scales agrees, and a pair tied at
 * small scale agrees with target_i &lt; target_j but not with target_i &gt; target_j.
 */
public final class DecisionAccuracy {
    private DecisionAccuracy() {
    }

    /** Scores must already be oriented so that higher is better (flip the sign of bits per byte). */
    public static double of(double[] small, double[] target) {
        if (small.length != target.length) {
            throw new IllegalArgumentException("decision accuracy needs the same models at both scales: "
                    + small.length + " vs " + target.length);
        }
        int pairs = 0;
        int agree = 0;
        for (int i = 0; i < small.length; i++) {
            for (int j = i + 1; j < small.length; j++) {
                pairs++;
                agree += (small[i] > small[j]) == (target[i] > target[j]) ? 1 : 0;
            }
        }
        return pairs == 0 ? Double.NaN : (double) agree / pairs;
    }

    /** Negates the scores when lower is better, so that "&gt;" means "better". */
    public static double[] oriented(double[] scores, boolean lowerIsBetter) {
        double[] out = scores.clone();
        if (lowerIsBetter) {
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        }
        return out;
    }
}
