package dev.proctor.api.task;

import dev.proctor.api.model.Tokenizer;
import java.util.Optional;

/**
 * What a task may use while it turns items into requests.
 *
 * @param settings  the run's task settings
 * @param tokenizer the model's tokenizer where it has one: prompts are fitted to the model's context with it;
 *                  empty when planning without a model (nothing is dropped) or for a model without one
 */
public record PlanContext(TaskSettings settings, Optional<Tokenizer> tokenizer) {
}
