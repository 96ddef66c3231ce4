package dev.proctor.core.request;

import dev.proctor.api.model.ScoreQuery;
import java.util.List;

/**
 * The queries one item needs. A choice's score is the sum of the log-probabilities its {@link Ref}s point at.
 *
 * @param choices   per choice, the (query, target) pairs whose log-probabilities add up to its score
 * @param truncated the input was left-truncated to fit the model
 */
public record ItemRequest(List<ScoreQuery> queries, List<List<Ref>> choices, boolean truncated) {

    public ItemRequest {
        queries = List.copyOf(queries);
        choices = choices.stream().map(List::copyOf).toList();
    }

    /** Target {@code target} of query {@code query}. */
    public record Ref(int query, int target) {
    }
}
