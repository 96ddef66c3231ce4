package dev.proctor.core.plan;

import dev.proctor.api.task.TaskItem;
import java.util.List;

/**
 * One item to score, with the keys of its requests.
 *
 * @param task        the task's name
 * @param item        the task's item
 * @param requestKeys the key of each request, in order
 * @param fingerprint what decides the item's score besides the model (its requests and gold answer): a stored
 *                    score is reused only when it matches
 * @param fitOnly     the item is one its task fits on (a train or dev item): run and stored, never reported
 */
public record PlannedItem(String task, TaskItem item, List<String> requestKeys, String fingerprint, boolean fitOnly) {
    public PlannedItem {
        requestKeys = List.copyOf(requestKeys);
    }

    /** {@code task/itemId}: the item's key in the store and in every report. */
    public String key() {
        return task + "/" + item.id();
    }
}
