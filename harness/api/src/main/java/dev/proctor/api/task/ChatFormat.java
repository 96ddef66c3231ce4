package dev.proctor.api.task;

import java.util.List;

/**
 * A model's chat template as tasks use it: the turns in, the prompt out, ending with the assistant's opening (Hugging
 * Face's {@code apply_chat_template(..., add_generation_prompt=True)}). Implemented outside the API (the Jinja
 * rendering lives in its own module), so tasks stay free of template engines.
 */
public interface ChatFormat {

    /**
     * The prompt for these turns.
     *
     * @throws dev.proctor.api.ProctorException when the template refuses them (a system turn it does not support,
     *                                           roles that do not alternate), naming the template
     */
    String render(List<ChatTurn> turns);

    /** Where the template came from: a file, or a tokenizer config's {@code chat_template}. */
    String origin();

    /** The template text's SHA-256. */
    String sha256();
}
