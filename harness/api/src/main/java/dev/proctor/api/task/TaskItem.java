package dev.proctor.api.task;

import dev.proctor.api.request.Request;
import dev.proctor.api.request.Response;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One evaluated unit: the requests it makes and how their responses become its score.
 *
 * @param id       unique within its task ({@code agronomy/test/0}, a query id)
 * @param subject  the subject it belongs to
 * @param source   where it was read from
 * @param prompt   what the model was shown, written to samples.jsonl (a multiple-choice context, a query)
 * @param requests what it asks of the model, in the order {@link Scorer#score} receives the responses
 * @param gold     the correct answer as a JSON value (a choice index, judged documents)
 * @param facts    how the item was prepared (shots used, truncation), as JSON values
 * @param scorer   turns the responses into the item's score
 */
public record TaskItem(String id, String subject, SourceLine source, String prompt, List<Request> requests,
                       Object gold, Map<String, Object> facts, Scorer scorer) {

    /** Scores one item from its responses, in request order. Deterministic: the same responses, the same score. */
    @FunctionalInterface
    public interface Scorer {
        ItemScore score(List<Response> responses);
    }

    public TaskItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(prompt, "prompt");
        requests = List.copyOf(requests);
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("item " + id + " makes no request");
        }
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        Objects.requireNonNull(scorer, "scorer");
    }
}
