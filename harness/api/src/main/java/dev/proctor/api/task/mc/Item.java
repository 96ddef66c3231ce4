package dev.proctor.api.task.mc;

import dev.proctor.api.task.SourceLine;
import java.util.List;
import java.util.Objects;

/**
 * One multiple-choice question as loaded from a benchmark file.
 *
 * @param id       stable identifier within its task, {@code <subject>/<split>/<row>}
 * @param subject  the subject's name
 * @param question the question text, as in the file (templates decide whether to strip it)
 * @param choices  the option texts, in letter order
 * @param gold     index of the correct choice, or {@link #NO_GOLD} where the release has no answer
 * @param source   file and line the item was read from
 */
public record Item(String id, String subject, String question, List<String> choices, int gold, SourceLine source) {
    /** Marks an item whose gold answer is not published (e.g. M3KE's public test split). */
    public static final int NO_GOLD = -1;

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        choices = List.copyOf(choices);
        if (gold != NO_GOLD && (gold < 0 || gold >= choices.size())) {
            throw new IllegalArgumentException("gold index " + gold + " outside " + choices.size() + " choices at " + source);
        }
    }

    public boolean hasGold() {
        return gold != NO_GOLD;
    }
}
