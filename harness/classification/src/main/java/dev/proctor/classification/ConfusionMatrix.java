package dev.proctor.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of (gold, predicted) label pairs, rows gold and columns predicted, as scikit-learn's
 * {@code confusion_matrix(y_true, y_pred, labels=labels)}: an item with a label outside {@code labels} is left out.
 *
 * @param labels the rows' and columns' labels, in order
 * @param counts {@code counts[i][j]}: items of gold label i predicted as label j (a defensive copy)
 */
public record ConfusionMatrix(List<Label> labels, long[][] counts) {
    public ConfusionMatrix {
        labels = List.copyOf(labels);
        counts = copy(counts);
    }

    public static ConfusionMatrix of(List<Label> gold, List<Label> predicted, List<Label> labels) {
        Map<Label, Integer> index = new HashMap<>();
        for (Label label : labels) {
            index.putIfAbsent(label, index.size());
        }
        long[][] counts = new long[labels.size()][labels.size()];
        for (int i = 0; i < gold.size(); i++) {
            Integer row = index.get(gold.get(i));
            Integer column = index.get(predicted.get(i));
            if (row != null && column != null) {
                counts[row][column]++;
            }
        }
        return new ConfusionMatrix(labels, counts);
    }

    @Override
    public long[][] counts() {
        return copy(counts);
    }

    /**
     * The Matthews correlation coefficient of this matrix, as sklearn 1.2.1's {@code matthews_corrcoef} computes it
     * (in float64, from row sums t, column sums p, trace c and total s): (c·s − t·p) / √((s² − t·t)(s² − p·p)), and
     * 0 where that denominator is 0 (one class in gold or in predictions). sklearn builds the matrix over the labels
     * present in gold and predictions, so call this on a matrix over {@link Label#sortedUnion}.
     */
    public double matthews() {
        int k = labels.size();
        double[] t = new double[k];
        double[] p = new double[k];
        double correct = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                t[i] += counts[i][j];
                p[j] += counts[i][j];
            }
            correct += counts[i][i];
        }
        double samples = 0;
        double tp = 0;
        double pp = 0;
        double tt = 0;
        for (int i = 0; i < k; i++) {
            samples += p[i];
            tp += t[i] * p[i];
            pp += p[i] * p[i];
            tt += t[i] * t[i];
        }
        double covYtYp = correct * samples - tp;
        double covYpYp = samples * samples - pp;
        double covYtYt = samples * samples - tt;
        if (covYpYp * covYtYt == 0) {
            return 0.0;
        }
        return covYtYp / Math.sqrt(covYtYt * covYpYp);
    }

    private static long[][] copy(long[][] counts) {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }
}
