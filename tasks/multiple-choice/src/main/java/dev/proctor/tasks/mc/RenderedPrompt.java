package dev.proctor.tasks.mc;

import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.ShotRule;
import java.util.List;

/**
 * One item's prompt, exactly as it is sent.
 *
 * @param context       header + shots + query
 * @param continuations what the model is scored on, one per choice (delimiter included)
 * @param rule          how the prompt was fitted
 * @param shotsUsed     few-shot examples in the context
 * @param shotsDropped  examples drawn but removed by the rule
 * @param headerDropped CMMLU's rule left the question alone, without its header
 * @param truncated     the input is longer than the model's context: the scheduler keeps only its last tokens, as
 *                      lm-evaluation-harness does ({@code (ctx+cont)[-(max_length+1):][:-1]})
 */
public record RenderedPrompt(
        String task,
        String subject,
        Item item,
        String context,
        List<String> continuations,
        ShotRule rule,
        int shotsUsed,
        int shotsDropped,
        boolean headerDropped,
        boolean truncated) {

    public RenderedPrompt {
        continuations = List.copyOf(continuations);
    }
}
