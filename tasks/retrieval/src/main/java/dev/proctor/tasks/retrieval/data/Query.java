package dev.proctor.tasks.retrieval.data;

import dev.proctor.api.task.SourceLine;
import java.util.Objects;

/**
 * One line of a BEIR {@code queries.jsonl}.
 *
 * @param id     {@code _id}
 * @param text   {@code text}
 * @param source where it was read
 */
public record Query(String id, String text, SourceLine source) {
    public Query {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
