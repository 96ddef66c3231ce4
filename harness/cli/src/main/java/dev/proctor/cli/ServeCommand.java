package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Model;
import dev.proctor.chat.ChatTemplate;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.lm.CausalLmModel;
import dev.proctor.serve.ProctorServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code proctor serve}: a model Proctor loads, behind an OpenAI-compatible API, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a causal LM (embedded:NAME, onnx:DIR, torchscript:DIR) through an OpenAI-compatible API"
                + " in vLLM's shapes: /v1/models, /v1/completions (echo, logprobs, prompt_logprobs),"
                + " /v1/chat/completions (the model's chat template), /health.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to listen on (0.0.0.0 for every one). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "Port to listen on (0: any free one)."
            + " Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--served-model-name", paramLabel = "NAME",
            description = "The model name clients send and /v1/models lists. Default: the model's own name.")
    String servedName;

    @Option(names = "--batch-tokens", defaultValue = "" + RunConfig.DEFAULT_BATCH_TOKENS,
            description = "Padded-token budget of one batch across concurrent requests. Default: ${DEFAULT-VALUE}.")
    int batchTokens;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Require clients to send the API key held in this environment variable.")
    String apiKeyEnv;

    @Option(names = "--chat-template", paramLabel = "FILE",
            description = "Jinja chat template for /v1/chat/completions. Default: chat_template of tokenizer_config.json"
                    + " in the model's directory, if any (without one, chat is refused as vLLM refuses it).")
    Path chatTemplateFile;

    @Option(names = "--inject-faults", paramLabel = "RATE", defaultValue = "0",
            description = "Test option: answer this fraction of completion requests with a dropped connection, a"
                    + " delay, a 500, a 429 with Retry-After or truncated JSON (seeded by --fault-seed). Default: 0.")
    double faultRate;

    @Option(names = "--fault-seed", defaultValue = "1", description = "Seed of the injected faults. Default: 1.")
    long faultSeed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (batchTokens < 1) {
            throw new ProctorException("--batch-tokens must be 1 or more, was " + batchTokens);
        }
        if (faultRate < 0 || faultRate > 1) {
            throw new ProctorException("--inject-faults is a fraction from 0 to 1, was " + faultRate);
        }
        Optional<String> apiKey = Optional.empty();
        if (apiKeyEnv != null) {
            String value = System.getenv(apiKeyEnv);
            if (value == null || value.isBlank()) {
                throw new ProctorException("--api-key-env " + apiKeyEnv + ": that environment variable is not set");
            }
            apiKey = Optional.of(value);
        }
        Model model = ModelRegistry.discover().open(modelOptions.spec());
        if (!(model instanceof CausalLmModel lm)) {
            model.close();
            throw new ProctorException("proctor serve serves causal LMs (embedded:tiny-gpt, onnx:DIR, torchscript:DIR);"
                    + " " + modelOptions.spec() + " is a " + model.info().kind());
        }
        String name = servedName != null ? servedName : model.info().name();
        Optional<ChatTemplate> chat;
        try {
            chat = ChatTemplates.find(chatTemplateFile, modelOptions.spec());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        ProctorServer server = new ProctorServer(lm.lm(), name, host, port, batchTokens, apiKey, faultRate, faultSeed,
                chat);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println(server.describe() + chat.map(t -> "; chat template " + t.origin()
                + " (sha256 " + t.sha256() + ")").orElse("; no chat template"));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
