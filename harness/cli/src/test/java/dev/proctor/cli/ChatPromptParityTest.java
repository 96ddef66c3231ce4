package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --apply-chat-template} builds C-Eval prompts exactly as lm-evaluation-harness does with
 * {@code --apply_chat_template}: byte for byte equal to what its own {@code fewshot_context} and a Jinja2 rendering
 * made (harness/cli/python/chat_prompt_fixtures.py), one user turn or alternating turns, with and without a system
 * instruction, on a ChatML and a Llama-3-shaped template whose {@code bos_token} comes from the tokenizer config.
 */
class ChatPromptParityTest {
    private static final String RESOURCES = "/dev/proctor/cli/chat/";

    @Test
    void promptsEqualLmEvalsChatRendering(@TempDir Path tmp) throws IOException {
        Path ceval = SharedFolder.require("data/ceval/ceval-exam");
        int cases = 0;
        for (String line : resource("chat-prompts.jsonl").split("\n")) {
            JsonNode fixture = Samples.JSON.readTree(line);
            Path config = tokenizerConfig(tmp.resolve("case" + cases), fixture);
            List<String> args = new ArrayList<>(List.of("prompts", "--task", "ceval:" + fixture.get("subject").asText(),
                    "--split", "val", "--format", "lm-eval", "--shots", fixture.get("shots").asText(), "--limit",
                    String.valueOf(fixture.get("prompts").size()), "--data-dir", ceval.toString(), "--json",
                    "--apply-chat-template", "--chat-template", config.toString()));
            if (!fixture.get("systemInstruction").isNull()) {
                args.addAll(List.of("--system-instruction", fixture.get("systemInstruction").asText()));
            }
            if (fixture.get("fewShotAsMultiturn").asBoolean()) {
                args.add("--fewshot-as-multiturn");
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run::err);
            JsonNode prompts = Samples.JSON.readTree(run.out());
            assertEquals(fixture.get("prompts").size(), prompts.size());
            for (int i = 0; i < prompts.size(); i++) {
                assertEquals(fixture.get("prompts").get(i).asText(), prompts.get(i).get("prompt").asText(),
                        fixture.get("template") + " " + args);
            }
            cases++;
        }
        assertEquals(6, cases);
    }

    @Test
    void aTemplateRefusingTheSystemRoleFailsAndSystemInUserOpensTheUserTurn(@TempDir Path tmp) throws IOException {
        Path template = tmp.resolve("no-system.jinja");
        Files.writeString(template, "{% for m in messages %}{% if m['role'] == 'system' %}"
                + "{{ raise_exception('System role not supported') }}{% endif %}<{{ m['role'] }}>{{ m['content'] }}"
                + "{% endfor %}<assistant>");
        List<String> args = List.of("prompts", "--task", "synthetic:geography_en", "--limit", "1", "--format", "lm-eval", "--json",
                "--apply-chat-template", "--chat-template", template.toString());
        CliRun refused = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, refused.exitCode(), refused::out);
        assertTrue(refused.err().contains("System role not supported") && refused.err().contains(template.toString()),
                refused.err());

        List<String> merged = new ArrayList<>(args);
        merged.add("--system-in-user");
        CliRun run = CliRun.of(merged.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::err);
        String prompt = Samples.JSON.readTree(run.out()).get(0).get("prompt").asText();
        assertTrue(prompt.startsWith("<user>The following are multiple choice questions (with answers) about"
                + " geography.\n\nWhat is"), prompt);
        assertTrue(prompt.endsWith("\nAnswer:<assistant>"), prompt);
    }

    @Test
    void chatOptionsWithoutApplyChatTemplateAreRefused() {
        CliRun run = CliRun.of("prompts", "--limit", "1", "--fewshot-as-multiturn");
        assertEquals(1, run.exitCode(), run::out);
        assertTrue(run.err().contains("add --apply-chat-template"), run.err());
    }

    /** A tokenizer_config.json holding the fixture's template and special tokens. */
    private static Path tokenizerConfig(Path dir, JsonNode fixture) throws IOException {
        Files.createDirectories(dir);
        ObjectNode config = ((ObjectNode) fixture.get("specialTokens").deepCopy());
        config.put("chat_template", resource(fixture.get("template").asText()));
        Path file = dir.resolve("tokenizer_config.json");
        Files.writeString(file, config.toString());
        return file;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ChatPromptParityTest.class.getResourceAsStream(RESOURCES + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
