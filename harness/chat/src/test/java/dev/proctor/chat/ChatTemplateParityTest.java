package dev.proctor.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.objects.date.FixedDateTimeProvider;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published template under {@code chat-templates/} on every conversation in {@code fixtures.jsonl}, which
 * {@code harness/chat/python/render_fixtures.py} wrote by rendering them as transformers does (Jinja2, its
 * environment and special tokens, strftime_now's clock fixed). ChatTemplate must give the same bytes, or refuse
 * where the template raises, with the template's own message. To regenerate after changing a template or a case:
 * {@code /usr/bin/python3 harness/chat/python/render_fixtures.py}.
 */
class ChatTemplateParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "/chat-templates/";
    /** The render_fixtures.py clock: 2024-07-26 09:30, a naive local time. */
    private static final long FROZEN_NOW = LocalDateTime.of(2024, 7, 26, 9, 30).toInstant(ZoneOffset.UTC)
            .toEpochMilli();

    /** One line of fixtures.jsonl. */
    record Fixture(String template, String caseName, Map<String, String> specialTokens, List<ChatMessage> messages,
            boolean addGenerationPrompt, Map<String, Object> variables, String expected, String errorType,
            String errorMessage) {
        @Override
        public String toString() {
            return template + " / " + caseName;
        }
    }

    static Stream<Fixture> fixtures() {
        return lines().stream().map(ChatTemplateParityTest::fixture);
    }

    /** One ChatTemplate per template and token set, as a caller would hold it; rendering must not change it. */
    private static final Map<String, ChatTemplate> TEMPLATES = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rendersAsTransformersDoes(Fixture f) {
        ChatTemplate t = TEMPLATES.computeIfAbsent(f.template() + f.specialTokens(), k -> new ChatTemplate(
                read(f.template() + ".jinja"), f.template(), f.specialTokens(), new FixedDateTimeProvider(FROZEN_NOW),
                ZoneOffset.UTC));
        if (f.expected() != null) {
            assertEquals(f.expected(), t.render(f.messages(), f.addGenerationPrompt(), f.variables()));
            return;
        }
        ChatTemplateException e = assertThrows(ChatTemplateException.class,
                () -> t.render(f.messages(), f.addGenerationPrompt(), f.variables()),
                "Jinja2 raised " + f.errorType() + ": " + f.errorMessage());
        if (f.errorType().equals("raise_exception")) {
            assertTrue(e.getMessage().contains("the chat template raised: " + f.errorMessage()), e.getMessage());
        }
    }

    /** The fixtures cover every template in the manifest, and each template file is the one its provenance names. */
    @Test
    void manifestMatchesTheTemplatesAndFixtures() throws IOException {
        JsonNode manifest = JSON.readTree(read("templates.json"));
        List<String> fixtureTemplates = fixtures().map(Fixture::template).distinct().toList();
        List<String> names = new ArrayList<>();
        for (JsonNode entry : manifest.get("templates")) {
            String name = entry.get("name").asText();
            names.add(name);
            assertEquals(entry.get("sha256").asText(), Sha256.of(read(entry.get("file").asText())), name);
        }
        assertEquals(names, fixtureTemplates);
        assertTrue(names.size() >= 8, "at least eight published templates");
    }

    private static List<String> lines() {
        return read("fixtures.jsonl").lines().filter(l -> !l.isBlank()).toList();
    }

    private static Fixture fixture(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            Map<String, Object> variables = JSON.convertValue(n.get("variables"), new TypeReference<>() { });
            List<ChatMessage> messages = new ArrayList<>();
            for (JsonNode m : n.get("variables").get("messages")) {
                messages.add(new ChatMessage(m.get("role").asText(), m.get("content").asText()));
            }
            Map<String, Object> extra = new LinkedHashMap<>(variables);
            extra.remove("messages");
            extra.remove("add_generation_prompt");
            JsonNode error = n.get("error");
            return new Fixture(n.get("template").asText(), n.get("case").asText(),
                    JSON.convertValue(n.get("special_tokens"), new TypeReference<HashMap<String, String>>() { }),
                    messages, n.get("variables").get("add_generation_prompt").asBoolean(), extra,
                    n.has("expected") ? n.get("expected").asText() : null,
                    error == null ? null : error.get("type").asText(),
                    error == null ? null : error.get("message").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String resource) {
        try (InputStream in = ChatTemplateParityTest.class.getResourceAsStream(DIR + resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + DIR + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
