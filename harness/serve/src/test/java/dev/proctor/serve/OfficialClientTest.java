package dev.proctor.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.models.Model;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java client (openai-java), pointed at {@code proctor serve} as a user would point it: it lists
 * the model, reads an echoed prompt's log-probabilities (the first null, as vLLM sends it), reads a chat answer, and
 * turns refusals into its own typed errors. Each answer equals what the raw HTTP answer holds.
 */
class OfficialClientTest {
    private static final String KEY = "k-official";
    private static ProctorServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProtocolTest.open(Optional.of(KEY), 0);
        client = OpenAIOkHttpClient.builder().baseUrl(base()).apiKey(KEY).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    @Test
    void listsTheModel() {
        assertEquals(List.of("tiny"), client.models().list().data().stream().map(Model::id).toList());
    }

    @Test
    void readsEchoedPromptLogprobs() throws Exception {
        Completion c = client.completions().create(CompletionCreateParams.builder().model("tiny")
                .prompt("The capital of Zorbia").maxTokens(0).echo(true).logprobs(1).temperature(0.0).seed(1234L)
                .build());
        CompletionChoice.Logprobs logprobs = c.choices().get(0).logprobs().orElseThrow();
        List<String> tokens = logprobs.tokens().orElseThrow();
        List<Double> values = logprobs.tokenLogprobs().orElseThrow();
        assertEquals("The capital of Zorbia", String.join("", tokens));
        assertNull(values.get(0), "the first prompt token has no log-probability");
        JsonNode raw = Json.MAPPER.readTree(ServerProtocolTest.post(server, "{\"model\":\"tiny\",\"prompt\":"
                + "\"The capital of Zorbia\",\"max_tokens\":0,\"echo\":true,\"logprobs\":1,\"temperature\":0}", KEY)
                .body()).at("/choices/0/logprobs/token_logprobs");
        for (int i = 1; i < values.size(); i++) {
            assertEquals(raw.get(i).asDouble(), values.get(i), 0.0, "position " + i);
            assertTrue(values.get(i) < 0);
        }
        assertEquals(tokens.size(), logprobs.textOffset().orElseThrow().size());
    }

    @Test
    void readsAChatAnswer() throws Exception {
        ChatCompletion chat = client.chat().completions().create(ChatCompletionCreateParams.builder().model("tiny")
                .addUserMessage("The capital of Zorbia is").maxCompletionTokens(4).temperature(0.0).build());
        JsonNode raw = Json.MAPPER.readTree(ServerProtocolTest.post(server, "/v1/chat/completions",
                "{\"model\":\"tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"The capital of Zorbia is\"}],"
                        + "\"max_completion_tokens\":4,\"temperature\":0}", KEY).body());
        assertEquals(raw.at("/choices/0/message/content").asText(),
                chat.choices().get(0).message().content().orElseThrow());
        assertEquals(4, chat.usage().orElseThrow().completionTokens());
    }

    @Test
    void refusalsBecomeTheClientsTypedErrors() {
        BadRequestException sampled = assertThrows(BadRequestException.class, () -> client.completions().create(
                CompletionCreateParams.builder().model("tiny").prompt("x").temperature(0.7).build()));
        assertEquals(Optional.of("temperature"), sampled.param());
        OpenAIClient wrongKey = OpenAIOkHttpClient.builder().baseUrl(base()).apiKey("nope").maxRetries(0).build();
        try {
            assertThrows(UnauthorizedException.class, () -> wrongKey.models().list());
        } finally {
            wrongKey.close();
        }
    }
}
