package dev.proctor.stats.bootstrap;

/**
 * The uncertainty of one score of one run.
 *
 * @param task       task name
 * @param group      subject, category, or "overall"
 * @param averaging  "subject", "micro" or "macro"
 * @param n          questions
 * @param score      the score
 * @param seLmEval   lm-eval's mean_stderr; for macro, sqrt(Σ se_i²) / k over the subjects (as results.json)
 * @param seBinomial sqrt(p(1−p)/n); for macro, sqrt(Σ se_i²) / k with the subjects' binomial errors
 * @param bootstrap  percentile bootstrap, questions resampled within subjects
 */
public record UncertaintyRow(String task, String group, String averaging, int n, double score, double seLmEval,
                             double seBinomial, BootstrapSummary bootstrap) {
}
