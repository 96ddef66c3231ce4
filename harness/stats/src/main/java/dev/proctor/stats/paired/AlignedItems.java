package dev.proctor.stats.paired;

import java.util.List;

/**
 * Two runs' scores on the same items, in the same order.
 *
 * @param keys     {@code task/id} per item
 * @param tasks    task per item
 * @param subjects subject per item
 * @param a        run A's score per item
 * @param b        run B's score per item
 */
public record AlignedItems(List<String> keys, List<String> tasks, List<String> subjects, double[] a, double[] b) {
    public AlignedItems {
        keys = List.copyOf(keys);
        tasks = List.copyOf(tasks);
        subjects = List.copyOf(subjects);
    }

    public int size() {
        return keys.size();
    }
}
