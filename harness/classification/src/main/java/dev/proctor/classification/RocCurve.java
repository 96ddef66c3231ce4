package dev.proctor.classification;

import dev.proctor.stats.numeric.NumpyMath;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A ROC curve as scikit-learn 1.2.1's {@code roc_curve} computes it (sklearn/metrics/_ranking.py): one point per
 * distinct score, from the highest down, plus the origin. Items that share a score enter the curve together
 * ({@code _binary_clf_curve} keeps only the last index of each run of equal scores), so a tie between a positive
 * and a negative is a diagonal step, and the trapezoid under it counts the pair as half ordered.
 *
 * @param fpr        false positive rates, non-decreasing, starting at 0; all NaN when no item is negative
 * @param tpr        true positive rates, non-decreasing, starting at 0; all NaN when no item is positive
 * @param thresholds the score of each point: an item is predicted positive when its score is at least this; the
 *                   first is the highest score + 1, as sklearn 1.2.1 writes it
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
    public RocCurve {
        fpr = fpr.clone();
        tpr = tpr.clone();
        thresholds = thresholds.clone();
    }

    /**
     * {@code roc_curve(positive, scores, drop_intermediate=...)}.
     *
     * @param dropIntermediate drop the points where the curve does not bend (sklearn's default, true): a point whose
     *                         second differences of false and true positive counts are both 0 lies on the straight
     *                         segment between its neighbours and changes no area
     */
    public static RocCurve of(boolean[] positive, double[] scores, boolean dropIntermediate) {
        if (positive.length != scores.length || scores.length == 0) {
            throw new IllegalArgumentException(positive.length + " labels and " + scores.length + " scores");
        }
        // _binary_clf_curve: sort by decreasing score (ties keep no meaningful order: only each run's end is read)
        int[] order = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
        long[] tps = new long[scores.length];
        long[] fps = new long[scores.length];
        double[] thresholds = new double[scores.length];
        int points = 0;
        long tp = 0;
        for (int i = 0; i < order.length; i++) {
            tp += positive[order[i]] ? 1 : 0;
            // np.diff(y_score) != 0 ends a run of equal scores; -0.0 and 0.0 are one run, as in numpy
            if (i == order.length - 1 || scores[order[i]] != scores[order[i + 1]]) {
                tps[points] = tp;
                fps[points] = 1 + i - tp;
                thresholds[points] = scores[order[i]];
                points++;
            }
        }
        int[] kept = dropIntermediate && points > 2 ? bends(fps, tps, points) : IntStream.range(0, points).toArray();
        double[] fpr = new double[kept.length + 1];
        double[] tpr = new double[kept.length + 1];
        double[] th = new double[kept.length + 1];
        long negatives = fps[points - 1];
        long positives = tps[points - 1];
        th[0] = thresholds[kept[0]] + 1;
        for (int i = 0; i < kept.length; i++) {
            // fps / fps[-1]: NaN throughout when there is no negative (sklearn warns and returns NaN)
            fpr[i + 1] = negatives <= 0 ? Double.NaN : (double) fps[kept[i]] / negatives;
            tpr[i + 1] = positives <= 0 ? Double.NaN : (double) tps[kept[i]] / positives;
            th[i + 1] = thresholds[kept[i]];
        }
        fpr[0] = negatives <= 0 ? Double.NaN : 0.0;
        tpr[0] = positives <= 0 ? Double.NaN : 0.0;
        return new RocCurve(fpr, tpr, th);
    }

    /**
     * {@code auc(fpr, tpr)}: numpy's trapezoid rule, {@code sum(diff(x) * (y[1:] + y[:-1]) / 2)}, summed pairwise as
     * numpy sums. NaN when the curve is NaN (one class only).
     */
    public double area() {
        double[] parts = new double[fpr.length - 1];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = (fpr[i + 1] - fpr[i]) * (tpr[i + 1] + tpr[i]) / 2.0;
        }
        return NumpyMath.sum(parts);
    }

    /**
     * The highest true positive rate among the points whose false positive rate is at most {@code maxFpr}: the
     * curve's TPR at the largest FPR not above it ({@code tpr[fpr <= maxFpr].max()}). Read it from a curve made with
     * {@code dropIntermediate=false}: sklearn's default drops points on straight segments, and one of them can be
     * the last point at or below {@code maxFpr}. NaN when the curve is NaN.
     */
    public double tprAtFpr(double maxFpr) {
        double best = Double.NaN;
        for (int i = 0; i < fpr.length; i++) {
            if (fpr[i] <= maxFpr && !(tpr[i] <= best)) {
                best = tpr[i];
            }
        }
        return best;
    }

    /**
     * sklearn's {@code np.where(np.r_[True, np.logical_or(np.diff(fps, 2), np.diff(tps, 2)), True])}: the first and
     * last points and every point where either count's second difference is not 0.
     */
    private static int[] bends(long[] fps, long[] tps, int points) {
        return IntStream.range(0, points).filter(i -> i == 0 || i == points - 1
                || fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0).toArray();
    }

    @Override
    public double[] fpr() {
        return fpr.clone();
    }

    @Override
    public double[] tpr() {
        return tpr.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public String toString() {
        return "RocCurve[fpr=" + Arrays.toString(fpr) + ", tpr=" + Arrays.toString(tpr) + "]";
    }
}
