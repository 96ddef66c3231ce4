package dev.proctor.stats;

/** How subject accuracies are combined into a category or overall number. Reports always label which. */
public enum Averaging {
    /** Unweighted mean of subject accuracies: the official CMMLU and OpenCompass number. */
    MACRO,
    /** Mean over questions (weight by size): lm-evaluation-harness's group number. */
    MICRO
}
