package dev.proctor.datafiles;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.SourceLine;
import java.util.ArrayList;
import java.util.List;

/** How a data file writes the gold answer. */
public enum AnswerFormat {
    /** A letter, {@code A} for the first choice ({@code A}..{@code D} for four choices). */
    LETTER,
    /** A 0-based choice index written as an integer. */
    INDEX;

    /**
     * The gold index for a raw answer cell (surrounding whitespace ignored).
     *
     * @param raw     the cell, or {@code null} when the field is absent
     * @param choices how many choices the item has
     * @return the index, or {@link Item#NO_GOLD} for an empty answer where {@code policy} allows it
     * @throws DataFormatException naming the allowed answers when the cell is not one of them
     */
    public int gold(String raw, int choices, GoldPolicy policy, SourceLine source) {
        String answer = raw == null ? "" : raw.strip();
        if (answer.isEmpty()) {
            if (policy == GoldPolicy.OPTIONAL) {
                return Item.NO_GOLD;
            }
            throw error(source, choices, raw == null ? "no answer field" : "an empty answer");
        }
        for (int i = 0; i < choices; i++) {
            if (answer.equals(allowed(i))) {
                return i;
            }
        }
        throw error(source, choices, "'" + answer + "'");
    }

    private String allowed(int i) {
        return this == LETTER ? String.valueOf((char) ('A' + i)) : Integer.toString(i);
    }

    private DataFormatException error(SourceLine source, int choices, String found) {
        List<String> allowed = new ArrayList<>();
        for (int i = 0; i < choices; i++) {
            allowed.add(allowed(i));
        }
        String what = this == LETTER ? "an answer letter " : "a 0-based answer index ";
        return new DataFormatException(source.file(), source.line(),
                "expected " + what + String.join(", ", allowed) + ", found " + found);
    }
}
