package dev.proctor.tasks.retrieval.data;

import java.util.Objects;

/**
 * One line of a BEIR {@code queries.jsonl}.
 *
 * @param id   {@code _id}
 * @param text {@code text}
 */
public record Query(String id, String text) {
    public Query {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
