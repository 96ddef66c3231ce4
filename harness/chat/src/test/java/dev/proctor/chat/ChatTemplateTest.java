package dev.proctor.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void aMethodJinjavaLacksIsRefusedNotRenderedEmpty() {
        ChatTemplate t = new ChatTemplate("{% if messages[0]['content'].startswith('Y') %}yes{% endif %}", "probe",
                Map.of());
        ChatTemplateException e = assertThrows(ChatTemplateException.class, () -> t.render(CONVERSATION, true));
        assertTrue(e.getMessage().contains("probe did not render"), e.getMessage());
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
