package dev.proctor.api.task.mc;

import dev.proctor.api.task.SourceLine;
import java.util.List;
import java.util.Objects;

/**
 * One multiple-choice question as loaded from a benchmark file.
 *
 * @param id          stable identifier within its task, {@code <subject>/<split>/<row>}
 * @param subject     the subject's name
 * @param question    the question text, as in the file (templates decide whether to strip it)
 * @param choices     the option texts, in letter order
 * @param gold        index of the correct choice, or {@link #NO_GOLD} where the release has no answer or writes it
 *                    as letters ({@code goldLetters})
 * @param source      file and line the item was read from
 * @param goldLetters the answer as a string of letters, for a benchmark whose questions may have several answers
 *                    (MMCU's {@code "ABD"}, right only when generated exactly so, letter order included); null for an
 *                    answer that is one choice's index
 * @param explanation the worked solution the release gives with the answer (C-Eval's dev {@code explanation}), shown by
 *                    chain-of-thought prompts; null where there is none
 */
public record Item(String id, String subject, String question, List<String> choices, int gold, SourceLine source,
                   String goldLetters, String explanation) {
    /** Marks an item whose gold answer is not published (e.g. M3KE's public test split). */
    public static final int NO_GOLD = -1;

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        choices = List.copyOf(choices);
        if (gold != NO_GOLD && (gold < 0 || gold >= choices.size())) {
            throw new IllegalArgumentException("gold index " + gold + " outside " + choices.size() + " choices at " + source);
        }
        if (gold != NO_GOLD && goldLetters != null) {
            throw new IllegalArgumentException("an answer is a choice index or letters, not both, at " + source);
        }
    }

    /** An item whose answer is one choice (or unpublished): every benchmark's but MMCU's. */
    public Item(String id, String subject, String question, List<String> choices, int gold, SourceLine source) {
        this(id, subject, question, choices, gold, source, null, null);
    }

    /** An item answered by letters (MMCU's), without an explanation. */
    public Item(String id, String subject, String question, List<String> choices, int gold, SourceLine source,
                String goldLetters) {
        this(id, subject, question, choices, gold, source, goldLetters, null);
    }

    /** The same item with the release's worked solution. */
    public Item withExplanation(String text) {
        return new Item(id, subject, question, choices, gold, source, goldLetters, text);
    }

    public boolean hasGold() {
        return gold != NO_GOLD || goldLetters != null;
    }

    /**
     * The answer as the model is to give it: the gold letters, else the letter of the gold choice.
     *
     * @param letters the template's choice labels
     * @throws IllegalStateException for an item without an answer
     */
    public String goldLabel(List<String> letters) {
        if (!hasGold()) {
            throw new IllegalStateException("item " + id + " (" + source + ") has no gold answer");
        }
        return goldLetters != null ? goldLetters : letters.get(gold);
    }
}
