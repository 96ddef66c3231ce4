package dev.proctor.tasks.mmlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MMLU's data is not in the shared folder; the fixture rows below are invented, in hendrycks/test's layout. */
class MmluTaskTest {
    private final MmluTask task = new MmluTask();

    @TempDir
    Path repo;

    @BeforeEach
    void writeFixture() throws IOException {
        Path data = repo.resolve("data");
        for (String split : List.of("dev", "val", "test")) {
            Files.createDirectories(data.resolve(split));
        }
        Files.writeString(data.resolve("dev/abstract_algebra_dev.csv"),
                "Which of these is a group under addition?,the integers,the naturals,the odd numbers,the empty set,A\n"
                        + "\"Find the order of 2 in Z_5, under addition.\",1,2,4,5,D\n");
        Files.writeString(data.resolve("test/abstract_algebra_test.csv"),
                " Is every cyclic group abelian? ,yes,no,only if finite,only if infinite,A\n");
        Files.writeString(data.resolve("val/abstract_algebra_val.csv"), "q,a,b,c,d,B\n");
        Files.writeString(data.resolve("test/virology_test.csv"), "q,a,b,c,d,C\n");
    }

    private static Subject subject(String name) {
        return new MmluTask().knownSubjects().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void fiftySevenSubjectsInHendrycksCategories() {
        List<Subject> known = new MmluTask().knownSubjects();
        assertEquals(57, known.size());
        Map<String, Integer> sizes = new TreeMap<>();
        known.forEach(s -> s.categories().forEach(c -> sizes.merge(c, 1, Integer::sum)));
        assertEquals(Map.of("STEM", 18, "humanities", 13, "social sciences", 12,
                "other (business, health, misc.)", 14), sizes);
        assertEquals(List.of("other (business, health, misc.)"), subject("anatomy").categories(),
                "hendrycks/test puts anatomy under health; lm-eval's grouping differs");
        assertEquals("high school government and politics", subject("high_school_government_and_politics").displayName());
    }

    @Test
    void inLmEvalFormatTheGroupsAreLmEvals() {
        MmluTask task = new MmluTask();
        Map<String, Integer> sizes = new TreeMap<>();
        task.knownSubjects().forEach(s -> task.categories(s, PromptFormat.LM_EVAL)
                .forEach(c -> sizes.merge(c, 1, Integer::sum)));
        assertEquals(Map.of("stem", 19, "humanities", 13, "social sciences", 12, "other", 13), sizes,
                "lm_eval/tasks/mmlu/default at 4e7e0d47");
        assertEquals(List.of("stem"), task.categories(subject("anatomy"), PromptFormat.LM_EVAL));
        assertEquals(List.of("other (business, health, misc.)"), task.categories(subject("anatomy"),
                PromptFormat.OFFICIAL));
    }

    @Test
    void subjectsAreThosePresentWhetherGivenTheRootOrDataFolder() {
        List<String> expected = List.of("abstract_algebra", "virology");
        assertEquals(expected, task.subjects(repo).stream().map(Subject::name).toList());
        assertEquals(expected, task.subjects(repo.resolve("data")).stream().map(Subject::name).toList());
        assertEquals(repo.resolve("data/val/abstract_algebra_val.csv"),
                task.dataFile(repo, subject("abstract_algebra"), Split.VAL));
        assertEquals(1, task.load(repo, subject("abstract_algebra"), Split.VAL).get(0).gold());
    }

    @Test
    void officialHeaderHasTwoSpacesLmEvalOneAndStrips() {
        Subject algebra = subject("abstract_algebra");
        Item item = task.load(repo, algebra, Split.TEST).get(0);
        List<Item> dev = task.load(repo, algebra, Split.DEV);
        McTemplate official = task.template(PromptFormat.OFFICIAL);
        assertEquals("The following are multiple choice questions (with answers) about  abstract algebra.\n\n"
                + "Which of these is a group under addition?\nA. the integers\nB. the naturals\nC. the odd numbers\n"
                + "D. the empty set\nAnswer: A\n\n"
                + "Find the order of 2 in Z_5, under addition.\nA. 1\nB. 2\nC. 4\nD. 5\nAnswer: D\n\n"
                + " Is every cyclic group abelian? \nA. yes\nB. no\nC. only if finite\nD. only if infinite\nAnswer:",
                official.header(algebra) + official.shot(dev.get(0)) + official.shot(dev.get(1)) + official.query(item));
        McTemplate lmEval = task.template(PromptFormat.LM_EVAL);
        assertEquals("The following are multiple choice questions (with answers) about abstract algebra.\n\n"
                + "Is every cyclic group abelian?\nA. yes\nB. no\nC. only if finite\nD. only if infinite\nAnswer:",
                lmEval.header(algebra) + lmEval.query(item));
        assertEquals(List.of(" A", " B", " C", " D"), official.continuations(item));
    }

    @Test
    void absentSubjectAndBrokenRowsAreNamed() throws IOException {
        Path missing = repo.resolve("data/test/astronomy_test.csv");
        DataFormatException absent = assertThrows(DataFormatException.class,
                () -> task.load(repo, subject("astronomy"), Split.TEST));
        assertTrue(absent.getMessage().startsWith(missing + ": ") && absent.getMessage().contains("no such file"),
                absent.getMessage());

        Path virology = repo.resolve("data/test/virology_test.csv");
        Files.writeString(virology, "q,a,b,c,d,C\nq,a,b,c,d\n");
        DataFormatException shortRow = assertThrows(DataFormatException.class,
                () -> task.load(repo, subject("virology"), Split.TEST));
        assertTrue(shortRow.getMessage().startsWith(virology + ":2: expected 6 columns (as on line 1), found 5"),
                shortRow.getMessage());

        Files.writeString(virology, "q,a,b,c,d,C\nq,a,b,c,d,F\n");
        DataFormatException badAnswer = assertThrows(DataFormatException.class,
                () -> task.load(repo, subject("virology"), Split.TEST));
        assertTrue(badAnswer.getMessage().startsWith(virology + ":2: expected an answer letter A, B, C, D, found 'F'"),
                badAnswer.getMessage());
    }

    @Test
    void aFolderWithoutMmluFilesIsAnError() throws IOException {
        Path other = Files.createDirectories(repo.resolve("other/test"));
        Files.writeString(other.resolve("agronomy.csv"), "x\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> task.subjects(repo.resolve("other")));
        assertTrue(e.getMessage().contains("expected mmlu test files such as test/abstract_algebra_test.csv, found"
                + " none of the 57 mmlu subjects"), e.getMessage());
    }
}
