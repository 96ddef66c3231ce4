package dev.proctor.tasks.mc;

import java.util.List;

/**
 * How many tokens a prompt costs the model, so few-shot examples can be dropped to fit. Implemented by the request
 * builder, so the planner measures exactly the sequences the scheduler will send.
 */
public interface ContextBudget {

    /** The longest input the model accepts. */
    int maxTokens();

    /** Tokens of a text encoded on its own with the tokenizer's default special tokens, as the reference code counts. */
    int encodedLength(String text);

    /** The longest input the scoring requests of this prompt would have, before any truncation. */
    int inputTokens(String context, List<String> continuations);
}
