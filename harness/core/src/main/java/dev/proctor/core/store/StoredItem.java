package dev.proctor.core.store;

import dev.proctor.api.task.ItemScore;

/**
 * An item's score as the store keeps it.
 *
 * @param task        the task's name
 * @param itemId      the item's id within its task
 * @param subject     its subject
 * @param fingerprint the planned item's fingerprint when it was scored
 * @param score       its metric values, prediction and details
 */
public record StoredItem(String task, String itemId, String subject, String fingerprint, ItemScore score) {
    public String key() {
        return task + "/" + itemId;
    }
}
