package dev.proctor.tasks.m3ke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.ReferenceAverage;
import dev.proctor.api.task.Subject;
import dev.proctor.datafiles.StandardTemplates;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class M3keTaskTest {
    private static final String TYPO = "Physics-Natural Sciences-High schoo";

    private final M3keTask task = new M3keTask();

    @TempDir
    Path dir;

    private static Subject subject(String name) {
        return new M3keTask().knownSubjects().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void realDataDevScoresTestHasNoAnswers() {
        Path data = SharedFolder.require("data/m3ke");
        List<Subject> subjects = task.subjects(data);
        assertEquals(71, subjects.size());
        int dev = 0;
        int test = 0;
        for (Subject s : subjects) {
            for (Item item : task.load(data, s, Split.DEV)) {
                assertTrue(item.hasGold(), item.id());
                dev++;
            }
            for (Item item : task.load(data, s, Split.TEST)) {
                assertFalse(item.hasGold(), item.id());
                assertEquals(4, item.choices().size(), item.id());
                test++;
            }
        }
        assertEquals(355, dev);
        assertEquals(20_122, test);
    }

    @Test
    void testSplitIsUnscorableAndSaysWhy() {
        String reason = task.unscorableReason(Split.TEST).orElseThrow();
        assertTrue(reason.contains("public test release has no answers"), reason);
        assertTrue(reason.contains("dev split"), reason);
        assertTrue(task.unscorableReason(Split.DEV).isEmpty());
    }

    @Test
    void clustersAndLevels() {
        Map<String, Integer> sizes = new TreeMap<>();
        new M3keTask().knownSubjects().forEach(s -> s.categories().forEach(c -> sizes.merge(c, 1, Integer::sum)));
        assertEquals(Map.of("cluster:Arts & Humanities", 12, "cluster:Social Sciences", 21,
                "cluster:Natural Sciences", 31, "cluster:Others", 7, "level:College", 42, "level:Other", 11,
                "level:High school", 8, "level:Junior high school", 8, "level:Primary school", 2), sizes);
        Subject typo = subject(TYPO);
        assertEquals(List.of("cluster:Natural Sciences", "level:High school"), typo.categories());
        assertEquals("Physics", typo.displayName());
    }

    @Test
    void theReadmeAverageIsTheMeanOfTheFourClusters() {
        List<ReferenceAverage> references = new M3keTask().referenceAverages();
        assertEquals(1, references.size());
        assertEquals("README average", references.get(0).name());
        assertEquals(List.of("cluster:Arts & Humanities", "cluster:Social Sciences", "cluster:Natural Sciences",
                "cluster:Others"), references.get(0).categories(), "the four clusters every subject falls into");
    }

    @Test
    void clustersEqualTheReleaseMappingAndEveryFileIsKnown() throws IOException {
        Path data = SharedFolder.require("data/m3ke");
        JsonNode mapping = new ObjectMapper().readTree(data.resolve("subject_cluster.mapping.json").toFile());
        Map<String, TreeSet<String>> expected = new TreeMap<>();
        mapping.fields().forEachRemaining(e -> e.getValue().forEach(
                t -> expected.computeIfAbsent("cluster:" + e.getKey(), k -> new TreeSet<>()).add(t.asText())));
        Map<String, TreeSet<String>> ours = new TreeMap<>();
        new M3keTask().knownSubjects().forEach(s -> s.categories().stream().filter(c -> c.startsWith("cluster:"))
                .forEach(c -> ours.computeIfAbsent(c, k -> new TreeSet<>()).add(s.name())));
        assertEquals(expected, ours);

        TreeSet<String> stems = new TreeSet<>();
        try (var files = Files.list(data.resolve("data/test"))) {
            files.forEach(f -> stems.add(f.getFileName().toString().replaceFirst("\\.jsonl$", "")));
        }
        assertEquals(stems, new TreeSet<>(new M3keTask().knownSubjects().stream().map(Subject::name).toList()));
    }

    @Test
    void borrowsCmmluTemplatesWithTheSubjectPart() {
        assertEquals(StandardTemplates.CMMLU_OFFICIAL, task.template(PromptFormat.OFFICIAL));
        assertEquals(StandardTemplates.CMMLU_LM_EVAL, task.template(PromptFormat.LM_EVAL));
        McTemplate official = task.template(PromptFormat.OFFICIAL);
        assertEquals("以下是关于Math的单项选择题，请直接给出正确答案的选项。\n\n",
                official.header(subject("Math-Natural Sciences-Primary school")));
        assertTrue(task.description().contains("CMMLU"), task.description());
    }

    @Test
    void malformedJsonLineNamesFileAndLine() throws IOException {
        Subject math = subject("Math-Natural Sciences-Primary school");
        Path file = Files.createDirectories(dir.resolve("data/dev")).resolve(math.name() + ".jsonl");
        String good = "{\"id\": 0, \"question\": \"q\", \"A\": \"a\", \"B\": \"b\", \"C\": \"c\", \"D\": \"d\", \"answer\": \"A\"}\n";
        Files.writeString(file, good + good + "{\"id\": 2, \"question\": \"q\", \"A\": \"a\"\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> task.load(dir, math, Split.DEV));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(file + ":3: expected one JSON object per line, found malformed JSON"),
                e.getMessage());

        Files.writeString(file, good + good.replace("\"A\"}", "\"\"}"));
        DataFormatException missing = assertThrows(DataFormatException.class, () -> task.load(dir, math, Split.DEV));
        assertEquals(2, missing.line());
        assertTrue(missing.getMessage().contains("expected an answer letter A, B, C, D, found an empty answer"),
                missing.getMessage());
    }
}
