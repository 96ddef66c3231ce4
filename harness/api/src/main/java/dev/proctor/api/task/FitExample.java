package dev.proctor.api.task;

import dev.proctor.api.request.Response;
import java.util.List;

/**
 * One item a task fits on (a train or dev item), after the model answered it.
 *
 * @param item      the item, as {@link Task#loadFitItems} made it
 * @param score     what its own scorer gave (its gold label, the detector's raw statistic)
 * @param responses its responses, in request order
 */
public record FitExample(TaskItem item, ItemScore score, List<Response> responses) {
    public FitExample {
        responses = List.copyOf(responses);
    }
}
