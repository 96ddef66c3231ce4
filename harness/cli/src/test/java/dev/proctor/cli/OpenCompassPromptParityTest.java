package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format opencompass} builds the prompts OpenCompass's own code builds for a model without a meta template
 * (ceval_gen_5f30c7 and cmmlu_gen_c13365 at a5acc4bb, run by tasks/multiple-choice/python/opencompass_prompt_fixtures.py):
 * byte for byte, zero- and five-shot, on two subjects of each; the header repeated per question, pieces joined by
 * newlines, the zero-shot prompt opening with one.
 */
class OpenCompassPromptParityTest {
    private static final Map<String, String> TASKS = Map.of("ceval_gen_5f30c7", "ceval", "cmmlu_gen_c13365", "cmmlu");

    @Test
    void promptsEqualOpenCompasss() throws IOException {
        Map<String, Path> data = Map.of("ceval", SharedFolder.require("data/ceval/ceval-exam"),
                "cmmlu", SharedFolder.require("data/cmmlu"));
        int cases = 0;
        for (String line : resource().split("\n")) {
            JsonNode fixture = Samples.JSON.readTree(line);
            String task = TASKS.get(fixture.get("config").asText());
            CliRun run = CliRun.of("prompts", "--task", task + ":" + fixture.get("subject").asText(), "--split",
                    task.equals("ceval") ? "val" : "test", "--shots", fixture.get("shots").asText(), "--format",
                    "opencompass", "--scoring", "generate", "--limit", String.valueOf(fixture.get("base").size()),
                    "--data-dir", data.get(task).toString(), "--json");
            assertEquals(0, run.exitCode(), run::err);
            JsonNode prompts = Samples.JSON.readTree(run.out());
            assertEquals(fixture.get("base").size(), prompts.size());
            for (int i = 0; i < prompts.size(); i++) {
                assertEquals(fixture.get("base").get(i).asText(), prompts.get(i).get("prompt").asText(), line);
            }
            cases++;
        }
        assertEquals(8, cases);
    }

    @Test
    void opencompassIsScoredByGenerationWithoutAChatTemplate(@TempDir Path tmp) throws Exception {
        Path cmmlu = SharedFolder.require("data/cmmlu");
        CliRun loglik = CliRun.of("run", "--tasks", "cmmlu:agronomy", "--format", "opencompass", "--scoring", "loglik",
                "--data-dir", cmmlu.toString(), "--limit", "2", "--no-progress", "--out", tmp.resolve("loglik").toString());
        assertEquals(1, loglik.exitCode(), loglik::out);
        assertTrue(loglik.err().contains("--scoring generate"), loglik.err());
        CliRun prompts = CliRun.of("prompts", "--task", "cmmlu:agronomy", "--format", "opencompass", "--limit", "1",
                "--data-dir", cmmlu.toString(), "--apply-chat-template", "--chat-template",
                Path.of(getClass().getResource("/dev/proctor/cli/chat/chatml.jinja").toURI()).toString());
        assertEquals(1, prompts.exitCode(), prompts::out);
        assertTrue(prompts.err().contains("OpenCompass's chat messages"), prompts.err());
    }

    private static String resource() throws IOException {
        try (InputStream in = OpenCompassPromptParityTest.class.getResourceAsStream(
                "/dev/proctor/cli/opencompass/opencompass-prompts.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
