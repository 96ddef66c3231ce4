package dev.proctor.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.chat.ChatTemplate;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.embedded.EmbeddedModels;
import dev.proctor.lm.CausalLmModel;
import dev.proctor.model.djl.HfTokenizer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code proctor serve} answers in vLLM's shapes: echo semantics, offsets, prompt_logprobs, errors, faults. */
class ServerProtocolTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static ProctorServer server;

    @BeforeAll
    static void start() throws IOException {
        server = open(Optional.of("k-123"), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A plain chat template: each turn tagged with its role, a tool turn refused. */
    static final String CHAT_TEMPLATE = "{% for m in messages %}{% if m['role'] == 'tool' %}"
            + "{{ raise_exception('no tool turns') }}{% endif %}<{{ m['role'] }}>{{ m['content'] }}\n{% endfor %}"
            + "{% if add_generation_prompt %}<assistant>{% endif %}";

    static ProctorServer open(Optional<String> key, double faults) throws IOException {
        return open(key, faults, Optional.of(new ChatTemplate(CHAT_TEMPLATE, "test", Map.of())));
    }

    static ProctorServer open(Optional<String> key, double faults, Optional<ChatTemplate> chat) throws IOException {
        CausalLmModel model = (CausalLmModel) ModelRegistry.discover().open(
                new ModelSpec("embedded", EmbeddedModels.DEFAULT, "cpu", Map.of()));
        return new ProctorServer(model.lm(), "tiny", "127.0.0.1", 0, 8192, key, faults, 5, chat);
    }

    static HttpResponse<String> post(ProctorServer s, String body, String key) throws Exception {
        return post(s, "/v1/completions", body, key);
    }

    static HttpResponse<String> post(ProctorServer s, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(String body) throws Exception {
        HttpResponse<String> r = post(server, body, "k-123");
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void chatRendersTheTemplateAndCompletesAsCompletionsWould() throws Exception {
        HttpResponse<String> r = post(server, "/v1/chat/completions", "{\"model\":\"tiny\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"text\",\"text\":\"The capital of\"},{\"type\":\"text\",\"text\":\"Zorbia is\"}]}],"
                + "\"max_tokens\":6,\"temperature\":0,\"stop\":[\"\\n\"]}", "k-123");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode chat = Json.MAPPER.readTree(r.body());
        assertEquals("chat.completion", chat.get("object").asText());
        assertTrue(chat.get("id").asText().startsWith("chatcmpl-"));
        JsonNode message = chat.at("/choices/0/message");
        assertEquals("assistant", message.get("role").asText());
        String rendered = "<system>Be brief.\n<user>The capital of\nZorbia is\n<assistant>";
        JsonNode plain = ok("{\"model\":\"tiny\",\"prompt\":" + Json.MAPPER.writeValueAsString(rendered)
                + ",\"max_tokens\":6,\"temperature\":0,\"stop\":[\"\\n\"],\"add_special_tokens\":false}");
        assertEquals(plain.at("/choices/0/text").asText(), message.get("content").asText());
        assertEquals(plain.at("/choices/0/finish_reason"), chat.at("/choices/0/finish_reason"));
        assertEquals(plain.at("/usage/prompt_tokens"), chat.at("/usage/prompt_tokens"));
    }

    @Test
    void chatRefusesWhatItCannotRenderOrSample() throws Exception {
        HttpResponse<String> raised = post(server, "/v1/chat/completions", "{\"messages\":[{\"role\":\"tool\","
                + "\"content\":\"x\"}],\"max_tokens\":2}", "k-123");
        assertEquals(400, raised.statusCode(), raised.body());
        assertTrue(raised.body().contains("no tool turns"), raised.body());
        HttpResponse<String> sampled = post(server, "/v1/chat/completions", "{\"messages\":[{\"role\":\"user\","
                + "\"content\":\"x\"}],\"temperature\":0.7}", "k-123");
        assertEquals(400, sampled.statusCode(), sampled.body());
        try (ProctorServer plain = open(Optional.empty(), 0, Optional.empty())) {
            HttpResponse<String> none = post(plain, "/v1/chat/completions", "{\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"x\"}]}", null);
            assertEquals(400, none.statusCode(), none.body());
            assertTrue(none.body().contains("chat template"), none.body());
        }
    }

    @Test
    void modelsAndHealth() throws Exception {
        HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "health needs no key");
        HttpResponse<String> models = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/v1/models")).header("Authorization", "Bearer k-123").build(), HttpResponse.BodyHandlers.ofString());
        JsonNode m = Json.MAPPER.readTree(models.body()).at("/data/0");
        assertEquals("tiny", m.get("id").asText());
        assertEquals(512, m.get("max_model_len").asInt());
    }

    @Test
    void echoWithMaxTokensZeroReturnsThePromptsLogprobsTheFirstNull() throws Exception {
        for (String prompt : new String[] {"The capital of Zorbia", "龘茶叶怎么保存，🙂"}) {
            echoed(prompt);
        }
    }

    /** Byte-level tokens that end inside a character add nothing until it completes: offsets stay on characters. */
    private static void echoed(String prompt) throws Exception {
        JsonNode choice = ok("{\"model\":\"tiny\",\"prompt\":" + Json.MAPPER.writeValueAsString(prompt)
                + ",\"max_tokens\":0,\"echo\":true,\"logprobs\":2,\"temperature\":0}").at("/choices/0");
        assertEquals(prompt, choice.get("text").asText());
        JsonNode lp = choice.get("logprobs");
        int n = lp.get("tokens").size();
        assertTrue(lp.get("token_logprobs").get(0).isNull() && lp.get("top_logprobs").get(0).isNull());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < n; i++) {
            assertEquals(joined.codePointCount(0, joined.length()), lp.get("text_offset").get(i).asInt(), "offset " + i);
            joined.append(lp.get("tokens").get(i).asText());
            if (i > 0) {
                double own = lp.get("token_logprobs").get(i).asDouble();
                JsonNode top = lp.get("top_logprobs").get(i);
                assertEquals(own, top.get(lp.get("tokens").get(i).asText()).asDouble(), 0.0, "the token itself");
                assertTrue(top.size() <= 3, "the token and at most 2 alternatives");
                assertTrue(own <= 0);
            }
        }
        assertEquals(prompt, joined.toString());
    }

    @Test
    void tokenIdsAndTextGiveTheSameAnswerAndPromptLogprobsHaveRanks() throws Exception {
        JsonNode text = ok("{\"prompt\":\"Answer: B\",\"max_tokens\":0,\"echo\":true,\"logprobs\":1,"
                + "\"prompt_logprobs\":3,\"temperature\":0}").at("/choices/0");
        JsonNode plp = text.get("prompt_logprobs");
        assertTrue(plp.get(0).isNull());
        for (int i = 1; i < plp.size(); i++) {
            var it = plp.get(i).fields();
            var actual = it.next();
            assertTrue(actual.getValue().get("rank").asInt() >= 1);
            assertEquals(text.at("/logprobs/token_logprobs").get(i).asDouble(),
                    actual.getValue().get("logprob").asDouble(), 0.0);
        }
        int[] ids;
        try (HfTokenizer tokenizer = HfTokenizer.open(EmbeddedModels.materialize(EmbeddedModels.DEFAULT)
                .resolve("tokenizer.json"), 512)) {
            ids = tokenizer.encode("Answer: B");
        }
        JsonNode again = ok("{\"prompt\":" + java.util.Arrays.toString(ids) + ",\"max_tokens\":0,\"echo\":true,"
                + "\"logprobs\":1,\"temperature\":0}").at("/choices/0");
        assertEquals(text.at("/logprobs/token_logprobs"), again.at("/logprobs/token_logprobs"));
        assertEquals("Answer: B", again.get("text").asText(), "ids echo as their decoded text");
    }

    @Test
    void greedyCompletionStopsAtTheStopStringAndSaysWhich() throws Exception {
        JsonNode r = ok("{\"prompt\":\"The capital of Zorbia is\",\"max_tokens\":12,\"stop\":[\" i\"],"
                + "\"temperature\":0}");
        JsonNode choice = r.at("/choices/0");
        assertEquals("stop", choice.get("finish_reason").asText(), choice.toString());
        assertEquals(" i", choice.get("stop_reason").asText());
        assertTrue(!choice.get("text").asText().contains(" i"), choice.toString());
        assertTrue(r.at("/usage/completion_tokens").asInt() > 0);
    }

    @Test
    void refusalsComeInVllmsEnvelope() throws Exception {
        assertError(post(server, "{\"prompt\":\"x\",\"temperature\":0.7}", "k-123"), 400, "temperature");
        assertError(post(server, "{\"prompt\":\"x\",\"model\":\"gpt-9\"}", "k-123"), 404, "model");
        assertError(post(server, "{\"prompt\":\"x\",\"stream\":true}", "k-123"), 400, "stream");
        assertError(post(server, "{\"prompt\":\"x\",\"max_tokens\":600}", "k-123"), 400, null);
        assertError(post(server, "{\"prompt\":\"x\"}", null), 401, null);
        assertError(post(server, "{\"prompt\":\"x\"}", "wrong"), 401, null);
        assertError(post(server, "{not json", "k-123"), 400, null);
    }

    private static void assertError(HttpResponse<String> r, int status, String param) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode e = Json.MAPPER.readTree(r.body()).get("error");
        assertEquals(status, e.get("code").asInt());
        assertTrue(e.get("message").isTextual() && e.get("type").isTextual());
        if (param != null) {
            assertEquals(param, e.get("param").asText());
        }
    }

    @Test
    void injectedFaultsAreEachOfTheFiveKinds() throws Exception {
        Set<String> seen = new java.util.TreeSet<>();
        try (ProctorServer faulty = open(Optional.empty(), 1.0)) {
            for (int i = 0; i < 40; i++) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = post(faulty, "{\"prompt\":\"x\",\"max_tokens\":1,\"temperature\":0}", null);
                    if (r.statusCode() == 429) {
                        assertTrue(r.headers().firstValue("retry-after").isPresent());
                        seen.add("429");
                    } else if (r.statusCode() == 500) {
                        seen.add("500");
                    } else {
                        try {
                            Json.MAPPER.readTree(r.body());
                            assertTrue(System.nanoTime() - t0 > 250_000_000L, "only a delayed answer is whole");
                            seen.add("delay");
                        } catch (IOException cut) {
                            seen.add("truncated");
                        }
                    }
                } catch (IOException dropped) {
                    seen.add("drop");
                }
            }
        }
        assertEquals(Set.of("429", "500", "delay", "drop", "truncated"), seen);
    }
}
