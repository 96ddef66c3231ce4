package dev.proctor.tasks.mc;

import dev.proctor.api.task.mc.Item;
import java.util.List;

/**
 * One item's prompt, exactly as it is sent.
 *
 * @param context       header + shots + query
 * @param continuations what the model is scored on, one per choice (delimiter included)
 * @param shotsUsed     few-shot examples in the context
 * @param shotsDropped  examples selected but dropped because the context was too long; {@code shotsUsed +
 *                      shotsDropped} is below the requested number only when the dev split has too few rows
 * @param truncated     even with no shots the input was too long: the scheduler keeps only its last tokens, as
 *                      lm-evaluation-harness does ({@code (ctx+cont)[-(max_length+1):][:-1]})
 */
public record RenderedPrompt(
        String task,
        String subject,
        Item item,
        String context,
        List<String> continuations,
        int shotsUsed,
        int shotsDropped,
        boolean truncated) {

    public RenderedPrompt {
        continuations = List.copyOf(continuations);
    }
}
