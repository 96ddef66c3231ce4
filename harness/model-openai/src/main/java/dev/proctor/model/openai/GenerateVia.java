package dev.proctor.model.openai;

import dev.proctor.api.ProctorException;
import java.util.Locale;

/**
 * Which endpoint generates: {@code /v1/completions} continues the prompt as text (or token ids); {@code
 * /v1/chat/completions} sends the whole prompt as one user message, which the server wraps in its model's chat
 * template, for servers and models that offer only chat.
 */
enum GenerateVia {
    COMPLETIONS("/completions"),
    CHAT("/chat/completions");

    private final String path;

    GenerateVia(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }

    static GenerateVia parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProctorException("--model-arg generate-via=" + value + ": expected completions or chat");
        }
    }
}
