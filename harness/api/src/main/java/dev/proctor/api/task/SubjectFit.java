package dev.proctor.api.task;

import dev.proctor.api.request.Response;
import java.util.List;
import java.util.Map;

/**
 * What a task fitted on one subject's fit items (a threshold chosen on dev, a probe trained on train and tuned on
 * dev), applied to that subject's evaluated items. Deterministic: the same fit items, the same fit.
 */
public interface SubjectFit {

    /** The fitted values and how they were chosen, as JSON values, for results.json. */
    Map<String, Object> describe();

    /**
     * An evaluated item's final score.
     *
     * @param item      the item
     * @param unfitted  what its scorer gave before the fit
     * @param responses its responses, in request order
     */
    ItemScore apply(TaskItem item, ItemScore unfitted, List<Response> responses);
}
