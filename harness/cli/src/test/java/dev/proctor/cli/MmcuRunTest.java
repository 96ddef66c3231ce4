package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MMCU end to end on workbooks in its release's layout, written here (the real data is gated): pinned with
 * {@code proctor datasets lock}, run with the embedded model by generation, several-letter answers kept as letters,
 * the README's average of the four domains reported, letter scoring and bad labels refused with their reasons, and a
 * seeded random letter scored for unread answers only when asked.
 */
class MmcuRunTest {
    @TempDir
    Path tmp;
    private Path data;
    private Path lock;

    private static void workbook(Path file, Map<String, List<String[]>> sheets) throws IOException {
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (Map.Entry<String, List<String[]>> sheet : sheets.entrySet()) {
                var s = book.createSheet(sheet.getKey());
                List<String[]> rows = new ArrayList<>(List.of(new String[][] {{"题目", "A", "B", "C", "D", "答案"}}));
                rows.addAll(sheet.getValue());
                for (int r = 0; r < rows.size(); r++) {
                    Row row = s.createRow(r);
                    for (int c = 0; c < rows.get(r).length; c++) {
                        row.createCell(c).setCellValue(rows.get(r)[c]);
                    }
                }
            }
            book.write(out);
        }
    }

    private static String[] q(String question, String answer) {
        return new String[] {question, "甲", "乙", "丙", "丁", answer};
    }

    @BeforeEach
    void writeRelease() throws IOException {
        data = tmp.resolve("MMCU");
        Map<String, List<String[]>> medical = new java.util.LinkedHashMap<>();
        medical.put("内科学", List.of(q("下列哪些属于DNA病毒？", "ABD"), q("内科 2", "Ｃ")));
        medical.put("外科学", List.<String[]>of(q("外科 1", "A")));
        workbook(data.resolve("test/医疗.xlsx"), medical);
        workbook(data.resolve("dev/医疗.xlsx"), Map.of("示例", List.of(q("示例 1", "BD"), q("示例 2", "A"))));
        for (String unit : List.of("法律", "心理", "教育_语文")) {
            workbook(data.resolve("test/" + unit + ".xlsx"), Map.of("Sheet1", List.of(q(unit + " 1", "A,C"),
                    q(unit + " 2", "B"))));
            workbook(data.resolve("dev/" + unit + ".xlsx"), Map.of("Sheet1", List.<String[]>of(q(unit + " 示例", "D"))));
        }
        lock = tmp.resolve("datasets.lock");
        CliRun locked = CliRun.of("datasets", "lock", "mmcu", "--from", data.toString(), "--version", "my-copy",
                "--license", "CC BY-NC-SA 4.0", "--lock", lock.toString());
        assertEquals(0, locked.exitCode(), locked::toString);
    }

    /** {@code proctor run --tasks mmcu} on the pinned copy, generate scoring unless {@code extra} says otherwise. */
    private CliRun run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--tasks", "mmcu", "--data-dir", data.toString(), "--lock",
                lock.toString(), "--no-progress", "--resamples", "100", "--out", out.toString()));
        if (!List.of(extra).contains("--scoring")) {
            args.addAll(List.of("--scoring", "generate"));
        }
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aPinnedCopyRunsByGenerationWithItsOwnRuleAndTheReadmeAverage() {
        Path out = tmp.resolve("run");
        CliRun run = run(out, "--shots", "1");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode results = Samples.results(out);
        assertEquals("verified", results.at("/provenance/dataChecks/0/status").asText());
        JsonNode settings = results.at("/tasks/0/settings");
        assertEquals("mmcu", settings.get("answerRule").asText());
        assertEquals("wrong", settings.get("noAnswer").asText());
        assertEquals("refuse", settings.get("badLabels").asText());

        Map<String, JsonNode> samples = Samples.read(out);
        assertEquals(9, samples.size(), "2 + 1 medical, 2 in each of three files");
        JsonNode dna = samples.get("mmcu/内科学/test/0");
        assertEquals("ABD", dna.get("gold").asText());
        assertEquals("请阅读以下选择题并给出正确选项，不要解释原因。\n示例 1\nA. 甲\nB. 乙\nC. 丙\nD. 丁\n正确答案的序号是： BD\n\n"
                + "下列哪些属于DNA病毒？\nA. 甲\nB. 乙\nC. 丙\nD. 丁\n正确答案的序号是：", dna.get("prompt").asText(),
                "TestChatGPT.py deletes every capital A-D from options only: the question keeps DNA");
        assertEquals("mmcu", dna.at("/details/rule").asText());
        assertEquals("C", samples.get("mmcu/内科学/test/1").get("gold").asText());
        assertEquals("AC", samples.get("mmcu/法律/test/0").get("gold").asText());

        double sum = 0;
        int domains = 0;
        JsonNode readme = null;
        Set<String> groups = new HashSet<>();
        for (JsonNode g : results.at("/results/groups")) {
            groups.add(g.get("group").asText());
            if (List.of("医疗", "法律", "心理", "教育").contains(g.get("group").asText())
                    && g.path("averaging").asText().equals("macro")) {
                sum += g.at("/metrics/exact_match/value").asDouble();
                domains++;
            }
            if (g.get("level").asText().equals("reference")) {
                readme = g;
            }
        }
        assertEquals(4, domains, groups.toString());
        assertEquals("README average", readme.get("group").asText());
        assertEquals(sum / 4, readme.at("/metrics/exact_match/value").asDouble(), 1e-12);
    }

    @Test
    void theQuestionKeepsItsCapitalsAndOptionsLoseThem() throws IOException {
        // the expectation above relies on it; checked on its own with options holding capitals
        workbook(data.resolve("test/法律.xlsx"), Map.of("Sheet1", List.<String[]>of(new String[] {"DNA?", "DNA",
                "A、甲", "B.乙", "丙", "A"})));
        CliRun prompts = CliRun.of("prompts", "--task", "mmcu:法律", "--data-dir", data.toString(), "--allow-unlocked",
                "mmcu=" + data, "--json");
        assertEquals(0, prompts.exitCode(), prompts::toString);
        assertTrue(prompts.out().contains("DNA?\\nA. N\\nB. 甲\\nC. 乙\\nD. 丙\\n正确答案的序号是："), prompts.out());
    }

    @Test
    void letterScoringAndBadLabelsAreRefusedWithTheirReasons() throws IOException {
        CliRun letter = run(tmp.resolve("letter"), "--scoring", "letter");
        assertEquals(1, letter.exitCode(), letter::toString);
        assertTrue(letter.err().contains("cannot score mmcu test") && letter.err().contains("several right letters")
                && letter.err().contains("--scoring generate"), letter.err());

        workbook(data.resolve("test/心理.xlsx"), Map.of("Sheet1", List.of(q("心理 1", "B"), q("心理 2", "ABFD"))));
        CliRun bad = CliRun.of("run", "--tasks", "mmcu", "--allow-unlocked", "mmcu=" + data, "--scoring", "generate",
                "--no-progress", "--out", tmp.resolve("bad").toString());
        assertEquals(1, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains(data.resolve("test/心理.xlsx") + ":3: sheet 'Sheet1' row 3: expected the answer"
                + " as one to four distinct letters of A-D") && bad.err().contains("found 'ABFD'")
                && bad.err().contains("--task-arg bad-labels=never-correct"), bad.err());

        Path kept = tmp.resolve("kept");
        CliRun keep = CliRun.of("run", "--tasks", "mmcu:心理", "--allow-unlocked", "mmcu=" + data, "--scoring",
                "generate", "--task-arg", "bad-labels=never-correct", "--no-progress", "--resamples", "100", "--out",
                kept.toString());
        assertEquals(0, keep.exitCode(), keep::toString);
        assertEquals("never-correct", Samples.results(kept).at("/tasks/0/settings/badLabels").asText());
        JsonNode abfd = Samples.read(kept).get("mmcu/心理/test/1");
        assertEquals("ABFD", abfd.get("gold").asText());
        assertEquals(0.0, abfd.at("/metrics/exact_match").asDouble(), abfd::toString);
    }

    @Test
    void aSeededRandomLetterIsScoredForUnreadAnswersOnlyWhenAsked() {
        Path out = tmp.resolve("random");
        CliRun run = run(out, "--task-arg", "no-answer=random-letter", "--seed", "7");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode settings = Samples.results(out).at("/tasks/0/settings");
        assertEquals("random-letter", settings.get("noAnswer").asText());
        assertEquals(7, settings.get("noAnswerSeed").asLong());
        int unread = 0;
        for (JsonNode sample : Samples.read(out).values()) {
            boolean none = sample.at("/metrics/no_answer").asDouble() == 1.0;
            assertEquals(none, sample.at("/details/randomLetter").isTextual(), sample::toString);
            if (none) {
                unread++;
                assertTrue(sample.at("/details/extracted").isNull() && sample.at("/details/generation").isTextual(),
                        sample::toString);
                assertEquals(sample.at("/details/randomLetter").asText(), sample.get("prediction").asText());
            }
        }
        System.out.println("mmcu, embedded model, random letters for " + unread + " of 9 unread answers");

        Path plain = tmp.resolve("plain");
        assertEquals(0, run(plain).exitCode());
        for (JsonNode sample : Samples.read(plain).values()) {
            assertFalse(sample.at("/details/randomLetter").isTextual(), "never a guess by default");
        }
    }
}
