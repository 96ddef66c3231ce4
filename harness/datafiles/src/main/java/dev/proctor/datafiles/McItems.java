package dev.proctor.datafiles;

import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.Split;
import java.util.List;

/** Turns one data row into an {@link Item}; the one place where ids and gold answers are made. */
public final class McItems {
    private McItems() {
    }

    /**
     * @param row 0-based position of the row among the file's data rows (header excluded); part of the id
     * @throws dev.proctor.api.DataFormatException when the answer is not one of the choices, or is missing
     *                                             where {@code gold} requires it
     */
    public static Item item(String subject, Split split, int row, SourceLine source, String question,
                            List<String> choices, String answer, AnswerFormat format, GoldPolicy gold) {
        int goldIndex = format.gold(answer, choices.size(), gold, source);
        return new Item(id(subject, split, row), subject, question, choices, goldIndex, source);
    }

    /** {@code <subject>/<split>/<row>}, as {@link Item#id()} documents. */
    public static String id(String subject, Split split, int row) {
        return subject + "/" + split.id() + "/" + row;
    }
}
