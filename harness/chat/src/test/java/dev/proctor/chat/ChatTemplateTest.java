package dev.proctor.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hubspot.jinjava.objects.date.FixedDateTimeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates in the shapes of published ones, with the output Jinja2 3.1 gives under transformers' settings
 * (trim_blocks, lstrip_blocks, trailing newline dropped); and the cases where Jinjava would go on rendering after an
 * error, which must be refused.
 */
class ChatTemplateTest {
    static final List<ChatMessage> CONVERSATION = List.of(new ChatMessage("system", "You are helpful."),
            new ChatMessage("user", " Hi \n"));

    /** ChatML (Qwen 2 and others), written on one line and ending in a newline, as in published configs. */
    static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' +"
            + " message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{"
            + " '<|im_start|>assistant\\n' }}{% endif %}\n";

    /** Llama 3's shape: whitespace control, a filter, bos_token, raise_exception. */
    static final String LLAMA3 = """
            {{- bos_token }}
            {%- for message in messages %}
                {%- if message['role'] not in ['system', 'user', 'assistant'] %}
                    {{- raise_exception('Unknown role: ' + message['role']) }}
                {%- endif %}
                {{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' }}
            {%- endfor %}
            {%- if add_generation_prompt %}
                {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}
            {%- endif %}
            """;

    @Test
    void chatMlRendersAsJinja2Does() {
        ChatTemplate t = new ChatTemplate(CHATML, "chatml", Map.of());
        assertEquals("<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\n Hi \n<|im_end|>\n"
                + "<|im_start|>assistant\n", t.render(CONVERSATION, true));
        assertEquals("<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\n Hi \n<|im_end|>\n",
                t.render(CONVERSATION, false));
    }

    @Test
    void llama3RendersAsJinja2Does() {
        ChatTemplate t = new ChatTemplate(LLAMA3, "llama3", Map.of("bos_token", "<|begin_of_text|>"));
        assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are helpful.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n", t.render(CONVERSATION, true));
    }

    @Test
    void lstripBlocksTouchesOnlyIndentationBeforeATag() {
        ChatTemplate t = new ChatTemplate("hello {% if true %}world{% endif %}\n  {% if true %}\n  x\n  {% endif %}\n",
                "lstrip", Map.of());
        assertEquals("hello world  x\n", t.render(CONVERSATION, true)); // as Jinja2 3.1.6 renders it
    }

    @Test
    void raiseExceptionStopsTheRender() {
        ChatTemplate t = new ChatTemplate(LLAMA3, "llama3", Map.of("bos_token", "<|begin_of_text|>"));
        ChatTemplateException e = assertThrows(ChatTemplateException.class,
                () -> t.render(List.of(new ChatMessage("tool", "x")), true));
        assertTrue(e.getMessage().contains("Unknown role: tool"), e.getMessage());
    }

    @Test
    void aMethodPythonStrLacksIsRefusedNotRenderedEmpty() {
        ChatTemplate t = new ChatTemplate("{% if messages[0]['content'].startsWith('Y') %}yes{% endif %}", "probe",
                Map.of()); // Java's String.startsWith: Python's str has no such attribute
        ChatTemplateException e = assertThrows(ChatTemplateException.class, () -> t.render(CONVERSATION, true));
        assertTrue(e.getMessage().contains("probe did not render"), e.getMessage());
        assertTrue(e.getMessage().contains("has no attribute 'startsWith'"), e.getMessage());
    }

    /** Jinja2 raises for these; Jinjava renders nothing (unknown names) or something (its own extras). */
    @Test
    void whatJinja2LacksIsRefusedNotRendered() {
        Map<String, String> refusals = Map.of(
                "{{ messages[0].content | nosuch }}", "No filter named 'nosuch'",
                "{% if messages is nosuch %}x{% endif %}", "No test named 'nosuch'",
                "{{ messages[0].content | render }}", "'render' is disabled",
                "{% include 'chat-templates/chatml.jinja' %}", "'include' is disabled",
                "{{ today() }}", "':today' is disabled");
        refusals.forEach((source, message) -> {
            ChatTemplate t = new ChatTemplate(source, "probe", Map.of());
            ChatTemplateException e = assertThrows(ChatTemplateException.class, () -> t.render(CONVERSATION, true));
            assertTrue(e.getMessage().contains(message), e.getMessage());
        });
    }

    @Test
    void messageContentIsNeverRenderedAsATemplate() {
        ChatTemplate t = new ChatTemplate(CHATML, "chatml", Map.of("bos_token", "<s>"));
        String content = "{{ bos_token }} {% if true %}x{% endif %} {# c #}";
        assertEquals("<|im_start|>user\n" + content + "<|im_end|>\n",
                t.render(List.of(new ChatMessage("user", content)), false));
    }

    @Test
    void variablesOverrideSpecialTokensButNotRenderParameters() {
        ChatTemplate t = new ChatTemplate("{{ bos_token }}|{{ tools | tojson }}|{{ date_string }}", "probe",
                Map.of("bos_token", "<s>"));
        assertEquals("[B]|[{\"name\": \"f\"}]|26 Jul 2024", t.render(CONVERSATION, true,
                Map.of("bos_token", "[B]", "tools", List.of(Map.of("name", "f")), "date_string", "26 Jul 2024")));
        assertThrows(IllegalArgumentException.class, () -> t.render(CONVERSATION, true, Map.of("messages", List.of())));
    }

    @Test
    void strftimeNowReadsTheRenderClockAsPythonFormatsIt() {
        long now = LocalDateTime.of(2024, 7, 26, 9, 5).toInstant(ZoneOffset.UTC).toEpochMilli();
        ChatTemplate t = new ChatTemplate("{{ strftime_now('%d %b %Y|%A %B %-d') }}", "probe", Map.of(),
                new FixedDateTimeProvider(now), ZoneOffset.UTC);
        ChatTemplateException e = assertThrows(ChatTemplateException.class, () -> t.render(CONVERSATION, true));
        assertTrue(e.getMessage().contains("unsupported directive %-"), e.getMessage()); // platform-dependent in C
        ChatTemplate llama = new ChatTemplate("{{ strftime_now('%d %b %Y|%A %B %H:%M %p') }}", "probe", Map.of(),
                new FixedDateTimeProvider(now), ZoneOffset.UTC);
        assertEquals("26 Jul 2024|Friday July 09:05 AM", llama.render(CONVERSATION, true));
    }

    /** Python 3.11's {@code [c for c in range(0x110000) if chr(c).isspace()]}. */
    @Test
    void pythonWhitespaceIsExactlyStrIsspace() {
        Set<Integer> python = Set.of(0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000,
                0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
                0x205f, 0x3000);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int c = cp;
            assertEquals(python.contains(cp), PyStr.isSpace(cp), () -> Integer.toHexString(c));
        }
    }

    @Test
    void tokenizerConfigGivesTheTemplateAndItsSpecialTokens(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("tokenizer_config.json");
        Files.writeString(config, "{\"bos_token\":{\"content\":\"<s>\",\"lstrip\":false},\"eos_token\":\"</s>\","
                + "\"chat_template\":[{\"name\":\"tool_use\",\"template\":\"tools\"},"
                + "{\"name\":\"default\",\"template\":\"{{ bos_token }}{{ messages[0]['content'] }}{{ eos_token }}\"}]}");
        ChatTemplate t = ChatTemplate.fromTokenizerConfig(config).orElseThrow();
        assertEquals("<s>You are helpful.</s>", t.render(CONVERSATION, true));
        Files.writeString(config, "{\"eos_token\":\"</s>\"}");
        assertTrue(ChatTemplate.fromTokenizerConfig(config).isEmpty());
    }
}
