package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.testkit.SharedFolder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C-Eval end to end on the real release: all 52 subjects of the val split scored in lm-evaluation-harness's format
 * with the data verified against datasets.lock; a few-shot prompt equal to lm-eval's; the test split refused.
 */
class CevalRunTest {

    @Test
    void allFiftyTwoSubjectsOfValScoreInLmEvalsFormat(@TempDir Path tmp) throws Exception {
        Path ceval = SharedFolder.require("data/ceval/ceval-exam");
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of("run", "--tasks", "ceval", "--split", "val", "--format", "lm-eval", "--scoring",
                "loglik", "--data-dir", ceval.toString(), "--no-progress", "--resamples", "200", "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run::err);
        JsonNode results = Samples.JSON.readTree(out.resolve("results.json").toFile());
        JsonNode check = results.at("/provenance/dataChecks/0");
        assertEquals("verified", check.get("status").asText(), check.toString());
        assertEquals("ceval", check.get("dataset").asText());
        Set<String> subjects = new HashSet<>();
        int items = 0;
        for (JsonNode sample : Samples.read(out).values()) {
            subjects.add(sample.get("subject").asText());
            items++;
        }
        assertEquals(52, subjects.size());
        assertEquals(1346, items);
    }

    /** Two shots: lm-eval's first_n dev rows, each ending " {answer}\n\n" (rendered with Jinja2 from its config). */
    @Test
    void fewShotPromptIsLmEvals() throws Exception {
        Path ceval = SharedFolder.require("data/ceval/ceval-exam");
        CliRun run = CliRun.of("prompts", "--task", "ceval:accountant", "--split", "val", "--shots", "2", "--format",
                "lm-eval", "--limit", "1", "--data-dir", ceval.toString(), "--json");
        assertEquals(0, run.exitCode(), run::err);
        String prompt = Samples.JSON.readTree(run.out()).get(0).get("prompt").asText();
        assertEquals("以下是中国关于注册会计师的单项选择题，请选出其中的正确答案。\n\n甲公司是国内一家上市公司。甲公司对其各子公司实行全面预算管理，"
                + "并通常使用增量预算方式进行战略控制，子公司预算需要经甲公司预算管理委员会批准后执行。2015年10月，甲公司投资了一个新的项目乙(子公司)。"
                + "2015年11月，甲公司启动2016年度预算编制工作，此时甲公司应要求乙公司编制____。\nA. 增量预算\nB. 零基预算\nC. 固定预算\n"
                + "D. 弹性预算\n答案： B\n\n债务人转让全部合同义务的，下列说法不正确的是____。\nA. 须债权人同意方可进行\n"
                + "B. 新债务人可主张原债务人对债权人的抗辩\nC. 债务人转移债务的，原债务人对债权人享有债权的，新债务人可以向债权人主张抵销\n"
                + "D. 非专属于原债务人自身的从债务，一并转让给新债务人\n答案： C\n\n下列关于税法基本原则的表述中，不正确的是____。\n"
                + "A. 税收法定原则包括税收要件法定原则和税务合法性原则\nB. 税收公平原则源于法律上的平等性原则\n"
                + "C. 税收效率原则包含经济效率和行政效率两个方面\nD. 税务机关按法定程序依法征税，可以自由做出减征、停征或免征税款的决定\n答案：",
                prompt);
    }

    /**
     * The official scripts' prompts, byte for byte as C-Eval's own llama.py builds them
     * (tasks/ceval/python/ceval_prompt_fixtures.py): the subject's handle in the answer-only header, and the
     * chain-of-thought examples with the dev explanations.
     */
    @Test
    void handleAndChainOfThoughtPromptsAreTheOfficialScripts() throws Exception {
        Path ceval = SharedFolder.require("data/ceval/ceval-exam");
        String fixtures;
        try (var in = CevalRunTest.class.getResourceAsStream("/dev/proctor/cli/ceval/official-prompts.jsonl")) {
            fixtures = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int cases = 0;
        for (String line : fixtures.split("\n")) {
            JsonNode fixture = Samples.JSON.readTree(line);
            CliRun run = CliRun.of("prompts", "--task", "ceval:" + fixture.get("subject").asText(), "--split", "val",
                    "--shots", fixture.get("shots").asText(), "--format", fixture.get("format").asText(), "--limit",
                    String.valueOf(fixture.get("prompts").size()), "--data-dir", ceval.toString(), "--json");
            assertEquals(0, run.exitCode(), run::err);
            JsonNode prompts = Samples.JSON.readTree(run.out());
            assertEquals(fixture.get("prompts").size(), prompts.size());
            for (int i = 0; i < prompts.size(); i++) {
                assertEquals(fixture.get("prompts").get(i).asText(), prompts.get(i).get("prompt").asText(), line);
            }
            cases++;
        }
        assertEquals(4, cases);
    }

    @Test
    void chainOfThoughtIsScoredByGenerationOnly(@TempDir Path tmp) {
        Path ceval = SharedFolder.require("data/ceval/ceval-exam");
        CliRun run = CliRun.of("run", "--tasks", "ceval:computer_network", "--split", "val", "--format",
                "official-cot", "--shots", "1", "--data-dir", ceval.toString(), "--no-progress", "--out",
                tmp.resolve("letter").toString());
        assertEquals(1, run.exitCode(), run::out);
        assertTrue(run.err().contains("--scoring generate"), run.err());
        CliRun mmlu = CliRun.of("run", "--tasks", "synthetic", "--format", "official-cot", "--no-progress", "--out",
                tmp.resolve("synthetic").toString());
        assertEquals(1, mmlu.exitCode(), mmlu::out);
        assertTrue(mmlu.err().contains("has no official-cot prompt format; its formats: official, lm-eval"),
                mmlu.err());
    }

    @Test
    void theTestSplitIsRefusedWithTheReason(@TempDir Path tmp) {
        Path ceval = SharedFolder.require("data/ceval/ceval-exam");
        CliRun run = CliRun.of("run", "--tasks", "ceval", "--split", "test", "--data-dir", ceval.toString(),
                "--no-progress", "--out", tmp.resolve("t").toString());
        assertEquals(1, run.exitCode(), run::out);
        assertTrue(run.err().contains("no answer column") && run.err().contains("--split val"), run.err());
    }
}
