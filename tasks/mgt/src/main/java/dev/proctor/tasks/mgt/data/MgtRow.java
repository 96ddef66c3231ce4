package dev.proctor.tasks.mgt.data;

import dev.proctor.api.task.SourceLine;

/**
 * One line of a SemEval-2024 Task 8 file.
 *
 * @param id     the line's id, as text (the files use integers for A and B, strings for C)
 * @param text   the text to judge
 * @param label  the gold label (a class, or subtask C's word position)
 * @param model  who wrote it ({@code human}, a generator's name); empty where the file has no such field
 * @param source its domain or language; empty where the file has none
 * @param at     file and line
 */
public record MgtRow(String id, String text, int label, String model, String source, SourceLine at) {

    /** The words as subtask C counts them: split on single spaces, empty words kept (Python's {@code split(" ")}). */
    public String[] words() {
        return text.split(" ", -1);
    }
}
