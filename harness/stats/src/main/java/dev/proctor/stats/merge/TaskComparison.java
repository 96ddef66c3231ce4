package dev.proctor.stats.merge;

import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.paired.McNemar;
import java.util.Optional;

/**
 * A merged model against the fine-tuned model of one task, on the same items.
 *
 * @param task        the task (or {@code task:subject}) the fine-tuned model was made for
 * @param n           questions
 * @param merged      merged model's accuracy (mean over questions)
 * @param finetuned   fine-tuned model's accuracy
 * @param difference  paired bootstrap of merged − fine-tuned
 * @param normalized  paired bootstrap of merged / fine-tuned (its point value is {@link #normalizedAccuracy})
 * @param mcnemar     exact and chi-square McNemar, when the scores are 0/1
 * @param holmP       McNemar exact p-value after Holm's correction over all tasks compared; NaN without McNemar
 */
public record TaskComparison(String task, int n, double merged, double finetuned, BootstrapSummary difference,
                             BootstrapSummary normalized, Optional<McNemar> mcnemar, double holmP) {

    /** merged / fine-tuned, TALL-masks' {@code normalized_top1}. */
    public double normalizedAccuracy() {
        return merged / finetuned;
    }

    public double diff() {
        return merged - finetuned;
    }

    /** Lost significantly: the whole interval of merged − fine-tuned lies below zero. */
    public boolean lostSignificantly() {
        return difference.entirelyBelowZero();
    }
}
