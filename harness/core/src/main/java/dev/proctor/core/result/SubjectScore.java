package dev.proctor.core.result;

/**
 * Accuracy of one subject with both standard errors, named for where they come from.
 *
 * @param stderrLmEval   sqrt(p(1-p)/(n-1)), lm-evaluation-harness's mean_stderr; NaN when n = 1
 * @param stderrBinomial sqrt(p(1-p)/n)
 */
public record SubjectScore(
        String task,
        String subject,
        int n,
        double accuracy,
        double stderrLmEval,
        double stderrBinomial,
        double accuracyNorm,
        double accuracyBytes,
        double goldBitsPerByte) {
}
