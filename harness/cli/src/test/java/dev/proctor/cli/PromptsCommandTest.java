package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.testkit.SharedFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code proctor prompts} prints exactly what a run sends; checked against benchmarks.md's worked example. */
class PromptsCommandTest {
    private static final String OFFICIAL_AGRONOMY_0 = "以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n"
            + "题目：在农业生产中被当作极其重要的劳动对象发挥作用，最主要的不可替代的基本生产资料是\n"
            + "A. 农业生产工具\nB. 土地\nC. 劳动力\nD. 资金\n答案是：";

    @Test
    void officialFiveShotJsonIsFittedByCmmlusRuleAndEndsWithTheWorkedExample() throws Exception {
        Path cmmlu = SharedFolder.require("data/" + "cmmlu");
        CliRun run = CliRun.of("prompts", "--task", "cmmlu:agronomy", "--shots", "5", "--format", "official",
                "--data-dir", cmmlu.toString(), "--limit", "3", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode prompts = Samples.JSON.readTree(run.out());
        assertEquals(3, prompts.size());
        JsonNode first = prompts.get(0);
        String header = "以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n";
        assertTrue(first.get("prompt").asText().startsWith(header + "题目："), first.get("prompt").asText());
        assertTrue(first.get("prompt").asText().endsWith(OFFICIAL_AGRONOMY_0.substring(header.length())));
        assertEquals(4, first.get("prompt").asText().split("答案是：[ABCD]\n\n", -1).length - 1,
                "five asked, four kept: gen_prompt at the embedded model's 512 tokens drops the longest");
        assertEquals("cmmlu-gen-prompt", first.at("/facts/shotRule").asText());
        assertEquals(1, first.at("/facts/shotsDropped").asInt());
        assertEquals("[\"A\",\"B\",\"C\",\"D\"]", first.get("continuations").toString());
        assertEquals(1, first.get("gold").asInt(), "gold B");
        assertEquals("cmmlu", first.get("task").asText());
        assertEquals("agronomy/test/0", first.get("id").asText(), "the id samples.jsonl gives the same item");
    }

    @Test
    void lmEvalZeroShotMatchesTheHarnessTemplate() throws Exception {
        Path cmmlu = SharedFolder.require("data/" + "cmmlu");
        CliRun run = CliRun.of("prompts", "--task", "cmmlu:agronomy", "--format", "lm-eval",
                "--data-dir", cmmlu.toString(), "--limit", "1", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode p = Samples.JSON.readTree(run.out()).get(0);
        assertEquals("以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n在农业生产中被当作极其重要的劳动对象发挥作用，"
                + "最主要的不可替代的基本生产资料是\nA. 农业生产工具\nB. 土地\nC. 劳动力\nD. 资金\n答案：", p.get("prompt").asText());
        assertEquals("[\" A\",\" B\",\" C\",\" D\"]", p.get("continuations").toString());
    }

    @Test
    void officialZeroShotIsTheWorkedExample() throws Exception {
        Path cmmlu = SharedFolder.require("data/" + "cmmlu");
        CliRun run = CliRun.of("prompts", "--task", "cmmlu:agronomy", "--data-dir", cmmlu.toString(), "--limit", "1", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(OFFICIAL_AGRONOMY_0, Samples.JSON.readTree(run.out()).get(0).get("prompt").asText());
    }
}
