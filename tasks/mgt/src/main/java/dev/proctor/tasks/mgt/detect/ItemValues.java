package dev.proctor.tasks.mgt.detect;

import dev.proctor.api.task.ItemScore;
import java.util.LinkedHashMap;
import java.util.Map;

/** The value names an MGT item carries, and the decided item's score. */
public final class ItemValues {
    /** The gold label (a class, or subtask C's word position). */
    public static final String GOLD = "label";
    /** The predicted label. */
    public static final String PRED = "pred";
    /** The machine score (higher means machine; a probe's probability of class 1). */
    public static final String SCORE = "score";
    public static final String ACC = "acc";
    public static final String MAE = "mae";

    private ItemValues() {
    }

    /** What a detector gives before the fit: the gold label and, for a zero-shot detector, the machine score. */
    public static ItemScore unfitted(int gold, double score, Map<String, Object> details) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(GOLD, (double) gold);
        if (!Double.isNaN(score)) {
            values.put(SCORE, score);
        }
        return new ItemScore(values, null, details);
    }

    /** A classified item: its label, prediction, machine score (NaN when there is none) and correctness. */
    public static ItemScore decided(ItemScore unfitted, int predicted, double score, Map<String, Object> details) {
        Map<String, Double> values = new LinkedHashMap<>();
        double gold = unfitted.value(GOLD);
        values.put(ACC, gold == predicted ? 1.0 : 0.0);
        values.put(GOLD, gold);
        values.put(PRED, (double) predicted);
        if (!Double.isNaN(score)) {
            values.put(SCORE, score);
        }
        Map<String, Object> all = new LinkedHashMap<>(unfitted.details());
        all.putAll(details);
        return new ItemScore(values, predicted, all);
    }
}
