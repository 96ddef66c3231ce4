package dev.proctor.api.request;

import java.util.Objects;

/**
 * One document of a {@link Corpus}.
 *
 * @param id    the document id the judgments use
 * @param title the title, empty when there is none
 * @param text  the body
 */
public record Passage(String id, String title, String text) {
    public Passage {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
    }

    /**
     * Title and text joined by one space, as BEIR's sentence-transformers models and Pyserini's "flat" BEIR indexes
     * see a document; just the text when there is no title.
     */
    public String contents() {
        return title.isBlank() ? text : title + " " + text;
    }
}
