package dev.proctor.core.schedule;

import dev.proctor.api.request.Response;
import dev.proctor.api.task.ItemScore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scheduler returns.
 *
 * @param scores    one per planned item, in plan order, reused ones included
 * @param responses per planned item, its responses in request order
 * @param stats     what it did
 * @param notes     facts backends reported about how they answered
 */
public record RunOutcome(List<ItemScore> scores, List<List<Response>> responses, RunStats stats,
                         Map<String, String> notes) {
    public RunOutcome {
        scores = List.copyOf(scores);
        responses = List.copyOf(responses);
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }
}
