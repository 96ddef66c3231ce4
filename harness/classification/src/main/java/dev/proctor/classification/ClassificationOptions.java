package dev.proctor.classification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to score.
 *
 * @param labels       the labels to report and average over, in order ({@code labels=} of sklearn); empty: the
 *                     sorted union of gold and predicted labels, sklearn's default
 * @param zeroDivision what a 0/0 precision or recall becomes
 * @param positive     the class the scores are for (AUROC, TPR at 1% FPR); empty: the greater of the two labels
 *                     present, as {@code roc_auc_score} binarizes gold ({@code label_binarize} makes the second of
 *                     the sorted classes positive)
 */
public record ClassificationOptions(Optional<List<Label>> labels, ZeroDivision zeroDivision, Optional<Label> positive) {
    public ClassificationOptions {
        labels = labels.map(List::copyOf);
        Objects.requireNonNull(zeroDivision, "zeroDivision");
        Objects.requireNonNull(positive, "positive");
    }

    /** sklearn's defaults with the SemEval-2024 Task 8 final scorer's zero_division=0. */
    public static ClassificationOptions defaults() {
        return new ClassificationOptions(Optional.empty(), ZeroDivision.ZERO, Optional.empty());
    }

    public ClassificationOptions withLabels(List<Label> given) {
        return new ClassificationOptions(Optional.of(given), zeroDivision, positive);
    }

    public ClassificationOptions withZeroDivision(ZeroDivision z) {
        return new ClassificationOptions(labels, z, positive);
    }

    public ClassificationOptions withPositive(Label label) {
        return new ClassificationOptions(labels, zeroDivision, Optional.of(label));
    }
}
