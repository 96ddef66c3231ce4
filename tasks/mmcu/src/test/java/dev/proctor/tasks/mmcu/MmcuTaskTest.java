package dev.proctor.tasks.mmcu;

import static dev.proctor.tasks.mmcu.Xlsx.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTask;
import dev.proctor.api.task.mc.McTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MMCU read from workbooks in its release's layout (written here with POI: the real data is gated): units, cleaning,
 * labels with several letters, prompts byte for byte as TestChatGPT.py builds them, and what is refused.
 */
class MmcuTaskTest {
    @TempDir
    Path data;
    private final MmcuTask task = new MmcuTask();

    @BeforeEach
    void write() throws Exception {
        Xlsx.sheet("内科学",
                        row("下列哪些属于DNA病毒？", "A、乙肝病毒", "B、流感病毒", "C.DNA噬菌体", "D. 以上都不是", "ABD"),
                        row("血型为AB型者可以接受：", "A型血", "B型血", "AB型血", "O型血", "Ｃ"),
                        row("  关于发热 ", " ．体温升高", "Ａ、产热增加", "\u3000散热减少\u3000", "以上都对", "A B"))
                .and("外科学", row("外科 1", "甲", "乙", "丙", "丁", "D\u3000"))
                .write(data, "test", "医疗");
        Xlsx.sheet("示例", row("示例 1", "甲", "乙", "丙", "丁", "BD"), row("示例 2", "子", "丑", "寅", "卯", "A"),
                        row("示例 3", "一", "二", "三", "四", "C"))
                .and("不读", row("never read", "a", "b", "c", "d", "A"))
                .write(data, "dev", "医疗");
        Xlsx.sheet("Sheet1", row("法律 1", "甲", "乙", "丙", "丁", "A,C"), row("法律 2", "甲", "乙", "丙", "丁", "DA"))
                .write(data, "test", "法律");
        Xlsx.sheet("Sheet1", row("1+1=", 2, 2.5, "二", true, "A"), row("2+2=", 4, 4, null, "NA", "AB"))
                .write(data, "test", "教育_数学");
    }

    private static TaskSettings settings(Map<String, String> args) {
        return new TaskSettings(Split.TEST, 0, OptionalInt.empty(), PromptFormat.OFFICIAL, ScoringMode.GENERATE, 1,
                args);
    }

    private Subject subject(String name) {
        return task.subjects(data).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private String prompt(Subject subject, int row, int shots) {
        McTemplate t = task.template(PromptFormat.OFFICIAL, subject);
        StringBuilder sb = new StringBuilder(t.header(subject));
        task.load(data, subject, Split.DEV).subList(0, shots).forEach(shot -> sb.append(t.shot(shot)));
        return sb.append(t.query(task.load(data, subject, Split.TEST).get(row))).toString();
    }

    @Test
    void isFoundByServiceLoaderAndTellsWhatItIs() {
        assertTrue(ServiceLoader.load(McTask.class).stream().anyMatch(p -> p.type() == MmcuTask.class));
        assertTrue(task.multipleAnswers() && task.allowsEmptyOptions());
        assertEquals("mmcu", task.answerRule().orElseThrow());
        assertEquals(List.of("医疗", "法律", "心理", "教育"), task.referenceAverages().get(0).categories());
        assertEquals(java.util.Set.of("bad-labels"), task.argumentKeys());
        assertEquals(Map.of("badLabels", "refuse"), task.describeSettings(settings(Map.of())));
    }

    @Test
    void eachMedicalSheetIsAUnitThenEachFileInTheReadmesOrder() throws Exception {
        List<Subject> units = task.subjects(data);
        assertEquals(List.of("内科学", "外科学", "法律", "教育_数学"), units.stream().map(Subject::name).toList());
        assertEquals(List.of("医疗"), units.get(1).categories());
        assertEquals(List.of("教育"), units.get(3).categories());
        assertEquals(data.resolve("test/医疗.xlsx"), task.dataFile(data, units.get(1), Split.TEST));
        assertEquals(data.resolve("dev/医疗.xlsx"), task.dataFile(data, units.get(0), Split.DEV));
        assertEquals(data.resolve("dev/法律.xlsx"), task.dataFile(data, units.get(2), Split.DEV));
        assertThrows(UnknownNameException.class, () -> task.dataFile(data, units.get(0), Split.VAL));

        Path nested = data.resolve("release");
        Files.createDirectories(nested.resolve("data"));
        Files.move(data.resolve("test"), nested.resolve("data/test"));
        assertEquals(4, task.subjects(nested).size(), "a folder holding data/test works too");
    }

    @Test
    void optionsAndLabelsAreCleanedAsTheScriptCleansThem() {
        List<Item> items = task.load(data, subject("内科学"), Split.TEST);
        assertEquals(List.of("乙肝病毒", "流感病毒", "N噬菌体", "以上都不是"), items.get(0).choices(),
                "every capital A-D is deleted: DNA becomes N");
        assertEquals(List.of("型血", "型血", "型血", "O型血"), items.get(1).choices());
        assertEquals(List.of("体温升高", "产热增加", "散热减少", "以上都对"), items.get(2).choices());
        assertEquals("  关于发热 ", items.get(2).question(), "the question is as written");
        assertEquals(List.of("ABD", "C", "AB"), items.stream().map(Item::goldLetters).toList());
        assertEquals(Item.NO_GOLD, items.get(0).gold());
        assertEquals("内科学/test/2", items.get(2).id());
        assertEquals(4, items.get(2).source().line(), "the sheet's row");
        assertEquals("D", task.load(data, subject("外科学"), Split.TEST).get(0).goldLetters());
        assertEquals(List.of("AC", "DA"), task.load(data, subject("法律"), Split.TEST).stream()
                .map(Item::goldLetters).toList());
    }

    @Test
    void cellsThatAreNotTextArePrintedAsPandasTypesThem() {
        List<Item> items = task.load(data, subject("教育_数学"), Split.TEST);
        assertEquals(List.of("2", "2.5", "二", "1.0"), items.get(0).choices());
        assertEquals(List.of("4", "4.0", "nan", "nan"), items.get(1).choices(), "an int column stays int; a float"
                + " column prints 4.0; blank and 'NA' cells are nan, and make True a float (pandas 1.5 says so too)");
    }

    @Test
    void promptsAreTheScriptsByteForByte() {
        assertEquals("请阅读以下选择题并给出正确选项，不要解释原因。\n下列哪些属于DNA病毒？\nA. 乙肝病毒\nB. 流感病毒\nC. N噬菌体\n"
                + "D. 以上都不是\n正确答案的序号是：", prompt(subject("内科学"), 0, 0));
        assertEquals("请阅读以下选择题并给出正确选项，不要解释原因。\n示例 1\nA. 甲\nB. 乙\nC. 丙\nD. 丁\n正确答案的序号是： BD\n\n"
                + "示例 2\nA. 子\nB. 丑\nC. 寅\nD. 卯\n正确答案的序号是： A\n\n外科 1\nA. 甲\nB. 乙\nC. 丙\nD. 丁\n正确答案的序号是：",
                prompt(subject("外科学"), 0, 2), "every medical sheet takes its examples from dev/医疗.xlsx's first sheet");
    }

    @Test
    void labelsNoAnswerCanMatchAreRefusedNamingFileSheetRowAndWhatWasExpectedUnlessKept() throws Exception {
        for (String bad : List.of("ABFD", "c", "False", "AAB")) {
            Xlsx.sheet("内科学", row("q", "甲", "乙", "丙", "丁", "A"), row("q", "甲", "乙", "丙", "丁", bad))
                    .write(data, "test", "医疗");
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> task.load(data, subject("内科学"), Split.TEST));
            assertTrue(e.getMessage().startsWith(data.resolve("test/医疗.xlsx") + ":3: sheet '内科学' row 3: expected the"
                    + " answer as one to four distinct letters of A-D"), e.getMessage());
            assertTrue(e.getMessage().contains("found '" + bad + "'")
                    && e.getMessage().contains("--task-arg bad-labels=never-correct"), e.getMessage());
            List<Item> kept = task.load(data, subject("内科学"), Split.TEST, settings(Map.of("bad-labels",
                    "never-correct")));
            assertEquals(bad, kept.get(1).goldLetters(), "kept, to be compared as the script compares it");
        }
        assertEquals(Map.of("badLabels", "never-correct"),
                task.describeSettings(settings(Map.of("bad-labels", "never-correct"))));
        assertThrows(UnknownNameException.class,
                () -> task.load(data, subject("内科学"), Split.TEST, settings(Map.of("bad-labels", "skip"))));
    }

    @Test
    void rowsTheScriptCannotReadAreRefused() throws Exception {
        Xlsx.sheet("Sheet1", row("q", "甲", "乙", "丙", "丁", "A"), row("q2", "甲", "乙", "丙", "丁", null))
                .write(data, "test", "法律");
        String missing = assertThrows(DataFormatException.class, () -> task.load(data, subject("法律"), Split.TEST))
                .getMessage();
        assertTrue(missing.contains("法律.xlsx:3: sheet 'Sheet1' row 3: expected the answer as letters")
                && missing.contains("found an empty cell") && missing.contains("stops reading the sheet"), missing);

        Xlsx.sheet("Sheet1", row(3, "甲", "乙", "丙", "丁", "A")).write(data, "test", "法律");
        String number = assertThrows(DataFormatException.class, () -> task.load(data, subject("法律"), Split.TEST))
                .getMessage();
        assertTrue(number.contains("row 2: expected the question as text, found the value 3 (not text)"), number);

        Xlsx.sheet("Sheet1", row("q", "a", "b", "c", "d", "e", "A")).write(data, "test", "法律");
        String wide = assertThrows(DataFormatException.class, () -> task.load(data, subject("法律"), Split.TEST))
                .getMessage();
        assertTrue(wide.contains("expected the columns question, one to four options (A-D) and answer, found 7"),
                wide);

        Xlsx.sheet("Sheet1").write(data, "test", "法律");
        String empty = assertThrows(DataFormatException.class, () -> task.load(data, subject("法律"), Split.TEST))
                .getMessage();
        assertTrue(empty.contains("found the header alone"), empty);
    }

    @Test
    void aFolderWithoutMmcuFilesOrAnUnreadableWorkbookIsRefused() throws Exception {
        Path other = data.resolve("other");
        Files.createDirectories(other.resolve("test"));
        String none = assertThrows(DataFormatException.class, () -> task.subjects(other)).getMessage();
        assertTrue(none.contains("expected MMCU test files such as test/医疗.xlsx"), none);
        Files.writeString(other.resolve("test/法律.xlsx"), "not a workbook");
        String bad = assertThrows(DataFormatException.class,
                () -> task.load(other, new Subject("法律", "法律", List.of("法律")), Split.TEST)).getMessage();
        assertTrue(bad.contains("expected an .xlsx workbook"), bad);
    }

    @Test
    void onlyTheOfficialPromptIsOffered() {
        assertEquals(MmcuTask.OFFICIAL, task.template(PromptFormat.OFFICIAL));
        ProctorException e = assertThrows(ProctorException.class, () -> task.template(PromptFormat.LM_EVAL));
        assertTrue(e.getMessage().contains("--format lm-eval") && e.getMessage().contains("--format official"),
                e.getMessage());
    }
}
