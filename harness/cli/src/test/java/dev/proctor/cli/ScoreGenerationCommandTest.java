package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proctor score generation}: scores, items, stray ids, malformed lines, unknown names. */
class ScoreGenerationCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private Path gold() throws Exception {
        return write("gold.jsonl", "{\"id\":\"q1\",\"answer\":\"B\"}", "{\"id\":\"q2\",\"answer\":\"C\"}",
                "{\"id\":\"q3\",\"answer\":\"A\"}", "{\"id\":\"q4\",\"answer\":\"D\"}");
    }

    @Test
    void cevalZeroShotScoresAsItsRuleReads() throws Exception {
        Path pred = write("pred.jsonl", "{\"id\":\"q1\",\"generation\":\"B\"}",
                "{\"id\":\"q2\",\"generation\":\"我认为答案是 C\"}", "{\"id\":\"q3\",\"generation\":\"Because\"}",
                "{\"id\":\"q4\",\"generation\":\"答案：A\"}");
        CliRun run = CliRun.of("score", "generation", "--task", "ceval", "--gold", gold().toString(), "--pred",
                pred.toString(), "--rule", "ceval-zero-shot", "--json");
        assertEquals(0, run.exitCode(), run::err);
        JsonNode r = Samples.JSON.readTree(run.out());
        assertEquals(4, r.get("n").asInt());
        assertEquals(0.5, r.get("accuracy").asDouble(), 1e-12, "q1 and q2 right, q3 read as B, q4 as A");
        assertEquals(0.0, r.get("no_answer").asDouble(), 1e-12, "'Because' opens with B for this rule");
        List<String> extracted = new ArrayList<>();
        r.get("items").forEach(i -> extracted.add(i.get("id").asText() + "=" + i.get("extracted").asText()
                + (i.get("correct").asBoolean() ? "+" : "-")));
        assertEquals(List.of("q1=B+", "q2=C+", "q3=B-", "q4=A-"), extracted);
        assertEquals("ceval-zero-shot", r.get("rule").asText());
        assertEquals(64, r.at("/inputs/gold/sha256").asText().length());

        CliRun strict = CliRun.of("score", "generation", "--task", "ceval", "--gold", gold().toString(), "--pred",
                pred.toString(), "--json");
        JsonNode d = Samples.JSON.readTree(strict.out());
        assertEquals(0.25, d.get("no_answer").asDouble(), 1e-12, "first-letter reads nothing in 'Because'");
    }

    @Test
    void strayIdsAreRefusedByNameUnlessTheIntersectionIsAskedFor() throws Exception {
        Path pred = write("pred.jsonl", "{\"id\":\"q1\",\"generation\":\"B\"}", "{\"id\":\"q9\",\"generation\":\"A\"}");
        CliRun refused = CliRun.of("score", "generation", "--task", "cmmlu", "--gold", gold().toString(), "--pred",
                pred.toString());
        assertEquals(1, refused.exitCode(), refused::out);
        assertTrue(refused.err().contains("3 gold items have no prediction") && refused.err().contains("q2, q3, q4")
                && refused.err().contains("1 predictions have no gold item") && refused.err().contains("q9"),
                refused.err());
        CliRun kept = CliRun.of("score", "generation", "--task", "cmmlu", "--gold", gold().toString(), "--pred",
                pred.toString(), "--intersection", "--json");
        assertEquals(0, kept.exitCode(), kept::err);
        JsonNode r = Samples.JSON.readTree(kept.out());
        assertEquals(1, r.get("n").asInt());
        assertEquals(3, r.at("/leftOut/goldWithoutPrediction").asInt());
        assertEquals(1, r.at("/leftOut/predictionsWithoutGold").asInt());
    }

    @Test
    void mmcuScoresSeveralLettersByItsOwnRuleInOrder() throws Exception {
        Path gold = write("mmcu-gold.jsonl", "{\"id\":\"q1\",\"answer\":\"ABD\"}", "{\"id\":\"q2\",\"answer\":\"AB\"}",
                "{\"id\":\"q3\",\"answer\":\"C\"}", "{\"id\":\"q4\",\"answer\":\"D\"}");
        Path pred = write("mmcu-pred.jsonl", "{\"id\":\"q1\",\"generation\":\"A、B、D\"}",
                "{\"id\":\"q2\",\"generation\":\"BA\"}", "{\"id\":\"q3\",\"generation\":\"答案是C\"}",
                "{\"id\":\"q4\",\"generation\":\"不知道\"}");
        CliRun run = CliRun.of("score", "generation", "--task", "mmcu", "--gold", gold.toString(), "--pred",
                pred.toString(), "--json");
        assertEquals(0, run.exitCode(), run::err);
        JsonNode r = Samples.JSON.readTree(run.out());
        assertEquals("mmcu", r.get("rule").asText(), "the task's own rule by default");
        assertEquals(0.5, r.get("accuracy").asDouble(), 1e-12, "ABD and C right; BA is not AB");
        assertEquals(0.25, r.get("no_answer").asDouble(), 1e-12);
        assertEquals("wrong", r.at("/noAnswerPolicy/policy").asText());
        assertEquals("BA", r.at("/items/1/extracted").asText());
        assertTrue(r.at("/items/3/randomLetter").isMissingNode());

        CliRun single = CliRun.of("score", "generation", "--task", "ceval", "--gold", gold.toString(), "--pred",
                pred.toString());
        assertEquals(1, single.exitCode());
        assertTrue(single.err().contains("one of A, B, C, D, found 'ABD'"), single.err());
    }

    @Test
    void aSeededRandomLetterReplacesAnUnreadAnswerOnlyWhenAsked() throws Exception {
        Path pred = write("pred.jsonl", "{\"id\":\"q1\",\"generation\":\"B\"}",
                "{\"id\":\"q2\",\"generation\":\"no idea\"}", "{\"id\":\"q3\",\"generation\":\"none\"}",
                "{\"id\":\"q4\",\"generation\":\"D\"}");
        CliRun run = CliRun.of("score", "generation", "--task", "cmmlu", "--gold", gold().toString(), "--pred",
                pred.toString(), "--no-answer", "random-letter", "--json");
        assertEquals(0, run.exitCode(), run::err);
        JsonNode r = Samples.JSON.readTree(run.out());
        assertEquals(0.5, r.get("no_answer").asDouble(), 1e-12, "still counted");
        assertEquals(1234, r.at("/noAnswerPolicy/seed").asLong());
        // Python: random.Random(sha256("1234:q2")[:8] >> 1).randrange(4) -> D, and for q3 -> D
        assertEquals("D", r.at("/items/1/randomLetter").asText());
        assertEquals("D", r.at("/items/2/randomLetter").asText());
        assertTrue(r.at("/items/1/extracted").isNull());
        assertEquals(0.5, r.get("accuracy").asDouble(), 1e-12, "q1 right, q2 D is not C, q3 D is not A, q4 right");
        CliRun text = CliRun.of("score", "generation", "--task", "cmmlu", "--gold", gold().toString(), "--pred",
                pred.toString(), "--no-answer", "random-letter", "--seed", "9");
        assertTrue(text.out().contains("random letter, seed 9"), text.out());
    }

    @Test
    void mmcuGoldThatNoAnswerCanMatchIsRefusedUnlessKept() throws Exception {
        Path gold = write("bad-gold.jsonl", "{\"id\":\"q1\",\"answer\":\"AB\"}", "{\"id\":\"q2\",\"answer\":\"ABFD\"}");
        Path pred = write("bad-pred.jsonl", "{\"id\":\"q1\",\"generation\":\"AB\"}",
                "{\"id\":\"q2\",\"generation\":\"ABFD\"}");
        CliRun refused = CliRun.of("score", "generation", "--task", "mmcu", "--gold", gold.toString(), "--pred",
                pred.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains(gold + ":2") && refused.err().contains("distinct letters of A, B, C, D")
                && refused.err().contains("found 'ABFD'") && refused.err().contains("--bad-labels never-correct"),
                refused.err());
        CliRun kept = CliRun.of("score", "generation", "--task", "mmcu", "--gold", gold.toString(), "--pred",
                pred.toString(), "--bad-labels", "never-correct", "--json");
        assertEquals(0, kept.exitCode(), kept::err);
        JsonNode r = Samples.JSON.readTree(kept.out());
        assertEquals(0.5, r.get("accuracy").asDouble(), 1e-12, "ABFD is never matched: the rule reads AB");
        assertEquals(1, r.get("badLabelsKept").asInt());
    }

    @Test
    void badInputNamesFileLineAndExpectation() throws Exception {
        Path pred = write("pred.jsonl", "{\"id\":\"q1\",\"generation\":\"B\"}", "{\"id\":\"q2\"}");
        CliRun missing = CliRun.of("score", "generation", "--task", "ceval", "--gold", gold().toString(), "--pred",
                pred.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains(pred + ":2") && missing.err().contains("expected a field \"generation\""),
                missing.err());
        Path badGold = write("bad.jsonl", "{\"id\":\"q1\",\"answer\":\"B\"}", "{\"id\":\"q1\",\"answer\":\"E\"}");
        CliRun letter = CliRun.of("score", "generation", "--task", "ceval", "--gold", badGold.toString(), "--pred",
                pred.toString());
        assertTrue(letter.err().contains(badGold + ":2") && letter.err().contains("one of A, B, C, D, found 'E'"),
                letter.err());
        CliRun rule = CliRun.of("score", "generation", "--task", "ceval", "--gold", gold().toString(), "--pred",
                pred.toString(), "--rule", "guess");
        assertTrue(rule.err().contains("opencompass-first-option"), rule.err());
        CliRun task = CliRun.of("score", "generation", "--task", "nope", "--gold", gold().toString(), "--pred",
                pred.toString());
        assertTrue(task.err().contains("ceval") && task.err().contains("nope"), task.err());
    }
}
