package dev.proctor.classification;

import dev.proctor.api.ProctorException;
import dev.proctor.stats.numeric.NumpyMath;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Classification metrics exactly as scikit-learn 1.2.1 computes them, and the SemEval-2024 Task 8 subtask C
 * boundary error: start here.
 */
public final class ClassificationMetrics {
    /** The false positive rate at which {@link ClassificationReport#tprAt1pctFpr()} is read. */
    public static final double ONE_PERCENT = 0.01;

    private ClassificationMetrics() {
    }

    /**
     * Scores predictions against gold.
     *
     * @param scores the positive class's score per item, or null when the predictions have none
     * @throws ProctorException for a positive label that is not among the labels, or scores with more than two
     *                          labels and no positive label named
     */
    public static ClassificationReport evaluate(List<Label> gold, List<Label> predicted, double[] scores,
                                                ClassificationOptions options) {
        if (gold.size() != predicted.size() || gold.isEmpty() || (scores != null && scores.length != gold.size())) {
            throw new IllegalArgumentException(gold.size() + " gold labels, " + predicted.size() + " predictions"
                    + (scores == null ? "" : ", " + scores.length + " scores") + ": expected as many, at least one");
        }
        List<Label> present = Label.sortedUnion(gold, predicted);
        List<Label> labels = options.labels().orElse(present);
        if (labels.isEmpty() || new HashSet<>(labels).size() != labels.size()) {
            throw new ProctorException("the labels to score must be distinct and at least one: " + labels);
        }
        Label.sortedUnion(present, labels); // refuses a mix of integer and string labels, as sklearn
        PrecisionRecallF1.Result prf = PrecisionRecallF1.of(ClassCounts.of(gold, predicted, labels),
                options.zeroDivision());
        Map<String, String> undefined = new LinkedHashMap<>();
        double auroc = Double.NaN;
        double tpr = Double.NaN;
        Optional<Label> positive = Optional.empty();
        if (scores == null) {
            undefined.put(ClassificationReport.AUROC, "the predictions carry no \"score\"");
            undefined.put(ClassificationReport.TPR_AT_1PCT_FPR, "the predictions carry no \"score\"");
        } else {
            Label pos = positive(options, present, labels);
            positive = Optional.of(pos);
            boolean[] isPositive = new boolean[gold.size()];
            for (int i = 0; i < isPositive.length; i++) {
                isPositive[i] = gold.get(i).equals(pos);
            }
            String oneClass = oneClass(isPositive, pos);
            if (oneClass != null) {
                undefined.put(ClassificationReport.AUROC, oneClass);
                undefined.put(ClassificationReport.TPR_AT_1PCT_FPR, oneClass);
            } else {
                // roc_auc_score: auc of roc_curve with its default drop_intermediate=True
                auroc = RocCurve.of(isPositive, scores, true).area();
                tpr = RocCurve.of(isPositive, scores, false).tprAtFpr(ONE_PERCENT);
            }
        }
        return new ClassificationReport(gold.size(), labels, options.labels().isPresent(), accuracy(gold, predicted),
                prf, ConfusionMatrix.of(gold, predicted, labels),
                ConfusionMatrix.of(gold, predicted, present).matthews(), positive, auroc, tpr, undefined);
    }

    /** {@code accuracy_score}: items whose prediction equals gold, over all items (np.average of a boolean array). */
    public static double accuracy(List<Label> gold, List<Label> predicted) {
        long correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            correct += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        return (double) correct / gold.size();
    }

    /**
     * SemEval-2024 Task 8 subtask C: the mean absolute difference between gold and predicted word positions where
     * machine text starts ({@code np.mean(abs(gold - pred))} in subtaskC/scorer/scorer.py). NaN for no items.
     */
    public static double meanAbsoluteError(long[] gold, long[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException(gold.length + " gold positions but " + predicted.length + " predicted");
        }
        double[] errors = new double[gold.length];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Math.abs(Math.subtractExact(gold[i], predicted[i]));
        }
        return NumpyMath.mean(errors);
    }

    private static Label positive(ClassificationOptions options, List<Label> present, List<Label> labels) {
        if (options.positive().isPresent()) {
            Label pos = options.positive().get();
            if (!present.contains(pos) && !labels.contains(pos)) {
                throw new ProctorException("the positive label " + pos + " is not among the labels ("
                        + Label.sortedUnion(present, labels).stream().map(Label::toString)
                        .collect(Collectors.joining(", ")) + ")");
            }
            return pos;
        }
        if (present.size() > 2) {
            throw new ProctorException("a score is one class's, and there are " + present.size() + " labels ("
                    + present.stream().map(Label::toString).collect(Collectors.joining(", "))
                    + "): name the class the scores are for (--positive)");
        }
        return present.get(present.size() - 1);
    }

    /** Why AUROC is undefined when gold holds one class only (sklearn's _binary_roc_auc_score raises), else null. */
    private static String oneClass(boolean[] isPositive, Label positive) {
        int positives = 0;
        for (boolean p : isPositive) {
            positives += p ? 1 : 0;
        }
        if (positives > 0 && positives < isPositive.length) {
            return null;
        }
        return "gold has " + (positives == 0 ? "no item of" : "only items of") + " the positive class " + positive
                + ", and the ROC curve needs both (sklearn: Only one class present in y_true. ROC AUC score is not"
                + " defined in that case.)";
    }
}
