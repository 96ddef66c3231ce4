package dev.proctor.classification;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every number of one scoring. A number that is not defined is NaN, with the reason under its name in
 * {@code undefined} (as Proctor's reports write it: null, and the reason beside it).
 *
 * @param n              items scored
 * @param labels         the labels reported and averaged over
 * @param labelsGiven    whether they were given, rather than the sorted union of gold and predictions
 * @param accuracy       {@code accuracy_score}: the share of items whose prediction equals gold (over every item,
 *                       whatever the labels)
 * @param scores         per-class and averaged precision, recall and F1
 * @param confusion      {@code confusion_matrix} over {@code labels}
 * @param mcc            {@code matthews_corrcoef} (over the labels present, as sklearn computes it)
 * @param positive       the class the scores are for; empty without scores
 * @param auroc          {@code roc_auc_score(gold == positive, score)}
 * @param tprAt1pctFpr   the ROC curve's true positive rate at the largest false positive rate not above 1%
 * @param undefined      metric name ({@value #AUROC}, {@value #TPR_AT_1PCT_FPR}) to why it is NaN
 */
public record ClassificationReport(int n, List<Label> labels, boolean labelsGiven, double accuracy,
                                   PrecisionRecallF1.Result scores, ConfusionMatrix confusion, double mcc,
                                   Optional<Label> positive, double auroc, double tprAt1pctFpr,
                                   Map<String, String> undefined) {
    public static final String AUROC = "auroc";
    public static final String TPR_AT_1PCT_FPR = "tpr_at_1pct_fpr";

    public ClassificationReport {
        labels = List.copyOf(labels);
        undefined = Collections.unmodifiableMap(new TreeMap<>(undefined));
    }

    public double macroF1() {
        return scores.macro().f1();
    }

    public double microF1() {
        return scores.micro().f1();
    }
}
