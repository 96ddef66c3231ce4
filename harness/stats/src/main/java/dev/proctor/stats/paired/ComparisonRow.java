package dev.proctor.stats.paired;

import dev.proctor.stats.bootstrap.BootstrapSummary;
import java.util.Optional;

/**
 * One row of a paired comparison: a subject, or a category or the whole task under one averaging.
 *
 * @param task        task name
 * @param group       subject name, category name, or "overall"
 * @param averaging   "subject", "micro" (mean over questions) or "macro" (mean of subject accuracies)
 * @param n           questions
 * @param a           run A's score
 * @param b           run B's score
 * @param difference  paired bootstrap of a − b (resampling questions within subjects)
 * @param mcnemar     for a subject or a micro average of 0/1 scores
 * @param permutation sign-flip test of a − b (for macro, of the subject-weighted difference)
 */
public record ComparisonRow(String task, String group, String averaging, int n, double a, double b,
                            BootstrapSummary difference, Optional<McNemar> mcnemar, PermutationResult permutation) {

    public double diff() {
        return a - b;
    }
}
