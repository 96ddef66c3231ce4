package dev.proctor.api.metric;

/** How a metric's per-item values become a subject's, a category's or a task's number. */
public enum Aggregation {
    /**
     * A mean over items (accuracy, exact match, bits per byte, nDCG per query): subjects get the mean, groups the
     * macro average (mean of subject means) and the micro average (mean over items), each with its standard error
     * and a bootstrap interval.
     */
    MEAN,
    /**
     * A function of the whole set (AUROC, F1, COCO mAP): computed on all items of a subject or group by the task's
     * {@link CorpusMetric}, with a bootstrap interval over items.
     */
    CORPUS
}
