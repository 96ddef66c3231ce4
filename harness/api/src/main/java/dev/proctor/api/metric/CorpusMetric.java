package dev.proctor.api.metric;

import dev.proctor.api.task.ItemScore;
import java.util.List;

/**
 * A metric computed on a whole set of items (AUROC, F1): the aggregator calls it on each subject's and each
 * group's items, and on bootstrap resamples of them. Items carry what it needs in their values (a label, a score).
 */
@FunctionalInterface
public interface CorpusMetric {

    /** The metric on these items (a resample may hold an item more than once); NaN where it is undefined. */
    double compute(List<ItemScore> items);
}
