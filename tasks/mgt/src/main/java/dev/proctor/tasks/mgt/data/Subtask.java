package dev.proctor.tasks.mgt.data;

import java.util.List;

/**
 * The three SemEval-2024 Task 8 subtasks: what their files are called and what a label is.
 *
 * <ul>
 *   <li>A: human (0) or machine (1); a monolingual (English) and a multilingual track.</li>
 *   <li>B: who wrote it: human 0, chatGPT 1, cohere 2, davinci 3, bloomz 4, dolly 5 (in a bundled set, the
 *       project's own generators in those places).</li>
 *   <li>C: a human text continued by a machine; the label is where the machine starts, as the index of the first
 *       machine word in {@code text.split(" ")} (the task's FAQ: {@code len(human_segment.split(" "))}).</li>
 * </ul>
 */
public enum Subtask {
    A("subtaskA", 2), B("subtaskB", 6), C("subtaskC", 0);

    /** The monolingual and multilingual tracks of subtask A, in the order a dataset's files are looked for. */
    public static final List<String> TRACKS = List.of("monolingual", "multilingual");

    private final String prefix;
    private final int classes;

    Subtask(String prefix, int classes) {
        this.prefix = prefix;
        this.classes = classes;
    }

    /** {@code subtaskA}, as the files and the repository's folders begin. */
    public String prefix() {
        return prefix;
    }

    /** How many classes a label takes (0..classes-1); 0 for subtask C, whose label is a word position. */
    public int classes() {
        return classes;
    }

    public boolean classifies() {
        return classes > 0;
    }

    /** The file of a split ({@code train}, {@code dev}, {@code test}) and, for A, a track. */
    public String fileName(String split, String track) {
        return this == A ? prefix + "_" + split + "_" + track + ".jsonl" : prefix + "_" + split + ".jsonl";
    }
}
