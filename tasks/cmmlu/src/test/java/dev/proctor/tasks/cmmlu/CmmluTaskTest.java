package dev.proctor.tasks.cmmlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmmluTaskTest {
    private final CmmluTask task = new CmmluTask();

    @TempDir
    Path dir;

    private static Subject subject(String name) {
        return new CmmluTask().knownSubjects().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void realDataHasThePublishedCounts() {
        Path data = SharedFolder.require("data/cmmlu");
        List<Subject> subjects = task.subjects(data);
        assertEquals(67, subjects.size());
        int dev = 0;
        int test = 0;
        Map<String, Integer> answers = new TreeMap<>();
        for (Subject s : subjects) {
            List<Item> devItems = task.load(data, s, Split.DEV);
            assertEquals(5, devItems.size(), s.name());
            dev += devItems.size();
            for (Item item : task.load(data, s, Split.TEST)) {
                test++;
                assertEquals(4, item.choices().size(), item.id());
                answers.merge(McTemplate.ABCD.get(item.gold()), 1, Integer::sum);
            }
        }
        assertEquals(335, dev);
        assertEquals(11_582, test);
        assertEquals(Map.of("A", 2926, "B", 2883, "C", 2877, "D", 2896), answers);
    }

    @Test
    void dataDirectoryMayBeTheCheckoutOrItsDataFolder() {
        Path data = SharedFolder.require("data/cmmlu");
        assertEquals(task.subjects(data), task.subjects(data.resolve("data")));
        assertEquals(data.resolve("data/dev/agronomy.csv"), task.dataFile(data, subject("agronomy"), Split.DEV));
    }

    @Test
    void categorySizesMatchTheOfficialGrouping() {
        Map<String, Integer> sizes = new TreeMap<>();
        new CmmluTask().knownSubjects().forEach(s -> s.categories().forEach(c -> sizes.merge(c, 1, Integer::sum)));
        assertEquals(Map.of("STEM", 17, "Humanities", 13, "Social Science", 22, "Other", 15, "China specific", 15),
                sizes);
    }

    @Test
    void namesChineseNamesAndCategoriesEqualTheReferenceList() throws IOException {
        Path reference = SharedFolder.require("data/cmmlu").resolve("subjects.json");
        JsonNode official = new ObjectMapper().readTree(reference.toFile()).get("subjects");
        List<Subject> expected = new ArrayList<>();
        official.fields().forEachRemaining(e -> {
            List<String> categories = new ArrayList<>();
            e.getValue().get("categories").forEach(c -> categories.add(c.asText()));
            expected.add(new Subject(e.getKey(), e.getValue().get("zh").asText(), categories));
        });
        assertEquals(expected, new CmmluTask().knownSubjects());
    }

    @Test
    void workedExampleFromBenchmarksMdZeroShot() {
        Path data = SharedFolder.require("data/cmmlu");
        Subject agronomy = subject("agronomy");
        Item item = task.load(data, agronomy, Split.TEST).get(0);
        assertEquals(1, item.gold());
        McTemplate official = task.template(PromptFormat.OFFICIAL);
        assertEquals("以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n题目：在农业生产中被当作极其重要的劳动对象发挥作用，"
                + "最主要的不可替代的基本生产资料是\nA. 农业生产工具\nB. 土地\nC. 劳动力\nD. 资金\n答案是：",
                official.header(agronomy) + official.query(item));
        assertEquals(List.of("A", "B", "C", "D"), official.continuations(item));
        McTemplate lmEval = task.template(PromptFormat.LM_EVAL);
        assertEquals("以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n在农业生产中被当作极其重要的劳动对象发挥作用，"
                + "最主要的不可替代的基本生产资料是\nA. 农业生产工具\nB. 土地\nC. 劳动力\nD. 资金\n答案：",
                lmEval.header(agronomy) + lmEval.query(item));
        assertEquals(List.of(" A", " B", " C", " D"), lmEval.continuations(item));
    }

    @Test
    void fiveShotOfficialPromptStartsWithHeaderThenFirstDevRow() {
        Path data = SharedFolder.require("data/cmmlu");
        Subject agronomy = subject("agronomy");
        McTemplate official = task.template(PromptFormat.OFFICIAL);
        List<Item> dev = task.load(data, agronomy, Split.DEV);
        StringBuilder prompt = new StringBuilder(official.header(agronomy));
        dev.subList(0, 5).forEach(shot -> prompt.append(official.shot(shot)));
        prompt.append(official.query(task.load(data, agronomy, Split.TEST).get(0)));

        Item first = dev.get(0);
        String firstShot = "题目：" + first.question() + "\nA. " + first.choices().get(0) + "\nB. " + first.choices().get(1)
                + "\nC. " + first.choices().get(2) + "\nD. " + first.choices().get(3) + "\n答案是："
                + "ABCD".charAt(first.gold()) + "\n\n";
        assertTrue(prompt.toString().startsWith("以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n" + firstShot), prompt.toString());
        assertEquals(6, prompt.toString().split("题目：", -1).length - 1, "5 shots and the question");
        assertTrue(prompt.toString().endsWith("D. 资金\n答案是："));
    }

    @Test
    void brokenFilesNameFileLineAndExpectation() throws IOException {
        Subject agronomy = subject("agronomy");
        Path test = Files.createDirectories(dir.resolve("data/test")).resolve("agronomy.csv");
        String header = ",Question,A,B,C,D,Answer\n";

        Files.writeString(test, header + "0,问,甲,乙,丙,丁,A\n1,问,甲,乙,丙,B\n");
        assertFails(test, 3, "expected 7 columns (as in the header on line 1), found 6");

        Files.writeString(test, ",Question,A,B,C,D\n0,问,甲,乙,丙,丁\n");
        assertFails(test, 1, "expected a header row with the columns Question, A, B, C, D, Answer");

        Files.writeString(test, header + "0,问,甲,乙,丙,丁,A\n1,\"多行\n问题\",甲,乙,丙,丁,A\n2,问,甲,乙,丙,丁,E\n");
        assertFails(test, 5, "expected an answer letter A, B, C, D, found 'E'");

        Files.writeString(test, header + "0,问,甲,乙,丙,丁,\n");
        assertFails(test, 2, "expected an answer letter A, B, C, D, found an empty answer");

        Files.delete(test);
        Files.writeString(dir.resolve("data/test/anatomy.csv"), header + "0,问,甲,乙,丙,丁,A\n");
        assertEquals(List.of("anatomy"), task.subjects(dir).stream().map(Subject::name).toList());
        assertFails(test, 0, "no such file");
    }

    private void assertFails(Path file, long line, String expected) {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> task.load(dir, subject("agronomy"), Split.TEST));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + (line > 0 ? ":" + line : "") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void noValSplitAndNoDataAreClearErrors() {
        UnknownNameException val = assertThrows(UnknownNameException.class,
                () -> task.dataFile(dir, subject("agronomy"), Split.VAL));
        assertTrue(val.getMessage().contains("known cmmlu splits: dev, test"), val.getMessage());
        DataFormatException none = assertThrows(DataFormatException.class, () -> task.subjects(dir));
        assertTrue(none.getMessage().contains("expected a cmmlu data directory"), none.getMessage());
    }
}
