package dev.proctor.core.plan;

import dev.proctor.core.prompt.RenderedPrompt;
import java.util.List;

/**
 * One item to score.
 *
 * @param choiceLabels  each continuation without the template's answer delimiter: the label whose length
 *                      normalises acc_norm and acc_bytes
 * @param promptSha256  SHA-256 of the context; a stored result is reused only when it matches
 */
public record PlannedItem(RenderedPrompt prompt, List<String> choiceLabels, String promptSha256) {

    public PlannedItem {
        choiceLabels = List.copyOf(choiceLabels);
    }

    /** {@code task/itemId}: the result store's key. */
    public String key() {
        return prompt.task() + "/" + prompt.item().id();
    }
}
