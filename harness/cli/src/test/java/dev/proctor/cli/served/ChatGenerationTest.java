package dev.proctor.cli.served;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.cli.CliRuns;
import dev.proctor.serve.ProctorServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation through {@code /v1/chat/completions}: chosen with {@code generate-via=chat}, or by the probe for a
 * server that has only chat, and recorded. The server's chat template is the identity, so the chat run must equal
 * the local one; a chat-only server is refused log-likelihood tasks before any data is read.
 */
class ChatGenerationTest {
    private static final List<String> GENERATE = List.of("--scoring", "generate", "--limit", "6");
    private static ProctorServer server;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.embedded(Optional.empty(), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void generateViaChatEqualsLocalGeneration(@TempDir Path tmp) {
        Map<String, JsonNode> local = CliRuns.samples(tmp.resolve("local"), GENERATE, List.of());
        Path out = tmp.resolve("chat");
        Map<String, JsonNode> served = CliRuns.samples(out, GENERATE, List.of("--model", "openai:"
                + Servers.url(server), "--model-arg", "generate-via=chat"));
        ServedModelTest.assertSame(local, served);
        String model = CliRuns.results(out).get("provenance").get("model").toString();
        assertTrue(model.contains("/v1/chat/completions"), "the chat route is recorded: " + model);
    }

    @Test
    void aChatOnlyServerGeneratesByChatAndIsRefusedLogLikelihoods(@TempDir Path tmp) throws Exception {
        Map<String, JsonNode> local = CliRuns.samples(tmp.resolve("local"), GENERATE, List.of());
        try (Proxy chatOnly = new Proxy(Servers.url(server), Proxy.Mode.CHAT_ONLY)) {
            Map<String, JsonNode> served = CliRuns.samples(tmp.resolve("chat"), GENERATE,
                    List.of("--model", "openai:" + chatOnly.url()));
            ServedModelTest.assertSame(local, served);

            CliRuns.Result refused = CliRuns.run(List.of("run", "--scoring", "loglik", "--limit", "6",
                    "--no-progress", "--out", tmp.resolve("loglik").toString(), "--model", "openai:" + chatOnly.url()));
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains(chatOnly.url() + "/v1 has no /v1/completions"), refused::toString);
        }
    }
}
