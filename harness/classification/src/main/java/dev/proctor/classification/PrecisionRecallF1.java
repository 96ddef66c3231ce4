package dev.proctor.classification;

import dev.proctor.stats.numeric.NumpyMath;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-class precision, recall and F1 and their macro, micro and weighted averages, operation for operation as
 * scikit-learn 1.2.1's {@code precision_recall_fscore_support} with {@code beta=1} (sklearn/metrics/_classification.py).
 */
public final class PrecisionRecallF1 {

    /** Precision, recall and F1 of one average. */
    public record Scores(double precision, double recall, double f1) {
    }

    /** One class's scores and its support (gold items of the class). */
    public record ClassScores(Label label, double precision, double recall, double f1, long support) {
    }

    /**
     * Everything {@code precision_recall_fscore_support} gives for {@code average=None, 'macro', 'micro',
     * 'weighted'}, and the labels whose precision or recall was 0/0 and so became {@code zeroDivision}'s value.
     */
    public record Result(List<ClassScores> perClass, Scores macro, Scores micro, Scores weighted,
                         ZeroDivision zeroDivision, List<Label> precisionZeroDivided, List<Label> recallZeroDivided) {
        public Result {
            perClass = List.copyOf(perClass);
            precisionZeroDivided = List.copyOf(precisionZeroDivided);
            recallZeroDivided = List.copyOf(recallZeroDivided);
        }
    }

    private PrecisionRecallF1() {
    }

    public static Result of(List<ClassCounts> counts, ZeroDivision zeroDivision) {
        int k = counts.size();
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        long tp = 0;
        long predicted = 0;
        long support = 0;
        List<ClassScores> perClass = new ArrayList<>(k);
        List<Label> precisionZero = new ArrayList<>();
        List<Label> recallZero = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ClassCounts c = counts.get(i);
            precision[i] = divide(c.truePositives(), c.predicted(), zeroDivision);
            recall[i] = divide(c.truePositives(), c.support(), zeroDivision);
            f1[i] = f1(precision[i], recall[i]);
            if (c.predicted() == 0) {
                precisionZero.add(c.label());
            }
            if (c.support() == 0) {
                recallZero.add(c.label());
            }
            perClass.add(new ClassScores(c.label(), precision[i], recall[i], f1[i], c.support()));
            tp += c.truePositives();
            predicted += c.predicted();
            support += c.support();
        }
        // average='macro': np.average of the per-class arrays, zero_division replacements included
        Scores macro = new Scores(NumpyMath.mean(precision), NumpyMath.mean(recall), NumpyMath.mean(f1));
        // average='micro': the counts are pooled first, then divided as one class
        double microP = divide(tp, predicted, zeroDivision);
        double microR = divide(tp, support, zeroDivision);
        Scores micro = new Scores(microP, microR, f1(microP, microR));
        return new Result(perClass, macro, micro, weighted(counts, precision, recall, f1, predicted, support,
                zeroDivision), zeroDivision, precisionZero, recallZero);
    }

    /** _prf_divide: a 0 denominator gives zero_division's value ("warn" acts as 0). */
    private static double divide(long numerator, long denominator, ZeroDivision zeroDivision) {
        return denominator == 0 ? zeroDivision.value() : (double) numerator / denominator;
    }

    /**
     * sklearn 1.2.1's F-beta with beta = 1: {@code (1 + beta2) * precision * recall / denom} from the already
     * replaced precision and recall, with a zero {@code denom = beta2 * precision + recall} set to 1, so F1 is 0
     * when P + R = 0 whatever zero_division says (and 1 when both P and R were 0/0 with zero_division=1).
     */
    private static double f1(double precision, double recall) {
        double denominator = precision + recall;
        return 2.0 * precision * recall / (denominator == 0.0 ? 1.0 : denominator);
    }

    /**
     * average='weighted': np.average with the supports as weights, sum(score * support) / sum(support); when no
     * label has support, sklearn returns zero_division (or, if something was predicted, 0, zero_division, 0).
     */
    private static Scores weighted(List<ClassCounts> counts, double[] precision, double[] recall, double[] f1,
                                   long predicted, long support, ZeroDivision zeroDivision) {
        if (support == 0) {
            double z = zeroDivision.value();
            return predicted == 0 ? new Scores(z, z, z) : new Scores(0.0, z, 0.0);
        }
        double[] weights = new double[counts.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = counts.get(i).support();
        }
        double scale = NumpyMath.sum(weights);
        return new Scores(weightedSum(precision, weights) / scale, weightedSum(recall, weights) / scale,
                weightedSum(f1, weights) / scale);
    }

    private static double weightedSum(double[] values, double[] weights) {
        double[] products = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            products[i] = values[i] * weights[i];
        }
        return NumpyMath.sum(products);
    }
}
