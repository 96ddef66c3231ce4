package dev.proctor.tasks.retrieval.data;

import java.util.Objects;

/**
 * One corpus entry of a BEIR {@code corpus.jsonl}.
 *
 * @param id    {@code _id}
 * @param title {@code title}, empty when absent
 * @param text  {@code text}
 */
public record Document(String id, String title, String text) {
    public Document {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
    }

    /**
     * Title and text joined by one space, as BEIR's sentence-transformers models and Pyserini's "flat" BEIR
     * indexes see a document; just the text when there is no title.
     */
    public String contents() {
        return title.isBlank() ? text : title + " " + text;
    }
}
