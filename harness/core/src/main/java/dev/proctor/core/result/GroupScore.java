package dev.proctor.core.result;

/**
 * A category's or the overall score of one task.
 *
 * @param task      task name
 * @param group     category name, or {@link #OVERALL}
 * @param averaging macro or micro
 * @param subjects  number of subjects in the group
 * @param n         number of questions in the group
 * @param accuracy  the average
 * @param stderr    macro: sqrt(sum se_i^2)/k with lm-eval's per-subject se; micro: lm-eval's pooled_sample_stderr
 */
public record GroupScore(
        String task,
        String group,
        Averaging averaging,
        int subjects,
        int n,
        double accuracy,
        double stderr) {

    public static final String OVERALL = "overall";
}
