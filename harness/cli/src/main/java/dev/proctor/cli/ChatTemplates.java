package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.chat.ChatTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a model's chat template is found, for {@code serve} and for {@code --apply-chat-template} alike. */
final class ChatTemplates {
    /** The model option naming a local tokenizer directory of a served model. */
    private static final String TOKENIZER_ARG = "tokenizer";

    private ChatTemplates() {
    }

    /**
     * {@code file} when given (a Jinja file, or a {@code tokenizer_config.json}), else the {@code chat_template} of
     * the {@code tokenizer_config.json} in the model's directory (or in its {@code tokenizer} directory), else none.
     * Special tokens ({@code bos_token}, ...) come from that tokenizer config.
     */
    static Optional<ChatTemplate> find(Path file, ModelSpec model) {
        Path dir = Path.of(model.args().getOrDefault(TOKENIZER_ARG, model.location()));
        Path config = dir.resolve("tokenizer_config.json");
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ProctorException("--chat-template " + file + ": no such file");
            }
            if (file.getFileName().toString().endsWith(".json")) {
                return Optional.of(ChatTemplate.fromTokenizerConfig(file).orElseThrow(() -> new ProctorException(
                        "--chat-template " + file + ": this tokenizer config has no chat_template")));
            }
            return Optional.of(ChatTemplate.fromFile(file, ChatTemplate.specialTokens(config)));
        }
        return Files.isRegularFile(config) ? ChatTemplate.fromTokenizerConfig(config) : Optional.empty();
    }
}
