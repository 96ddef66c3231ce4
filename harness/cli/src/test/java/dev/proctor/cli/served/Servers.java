package dev.proctor.cli.served;

import dev.proctor.api.model.ModelSpec;
import dev.proctor.chat.ChatTemplate;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.embedded.EmbeddedModels;
import dev.proctor.lm.CausalLmModel;
import dev.proctor.serve.ProctorServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code proctor serve} in the test's JVM on the embedded model, on a free port. */
final class Servers {
    /**
     * A chat template that sends the user's text as it is, so that a chat generation can be compared with the same
     * prompt completed locally.
     */
    static final String IDENTITY_CHAT = "{% for m in messages %}{{ m['content'] }}{% endfor %}";

    private Servers() {
    }

    static ProctorServer embedded(Optional<String> apiKey, double faultRate) throws IOException {
        return embedded(apiKey, faultRate, new ChatTemplate(IDENTITY_CHAT, "identity", Map.of()));
    }

    /** The embedded model served with this chat template for {@code /v1/chat/completions}. */
    static ProctorServer embedded(Optional<String> apiKey, double faultRate, ChatTemplate chat) throws IOException {
        CausalLmModel model = (CausalLmModel) ModelRegistry.discover().open(
                new ModelSpec("embedded", EmbeddedModels.DEFAULT, "cpu", Map.of()));
        return new ProctorServer(model.lm(), "tiny-gpt", "127.0.0.1", 0, 8192, apiKey, faultRate, 7,
                Optional.of(chat));
    }

    static String url(ProctorServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /** The embedded model's folder, whose tokenizer.json the client uses to send token ids. */
    static Path tokenizerDir() {
        return EmbeddedModels.materialize(EmbeddedModels.DEFAULT);
    }
}
