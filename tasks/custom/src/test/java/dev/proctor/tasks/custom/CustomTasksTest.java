package dev.proctor.tasks.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.mc.FewShotSampling;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.McTask;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomTasksTest {
    /** The user-facing example; surefire runs in the module directory. */
    private static final Path EXAMPLE = Path.of("examples", "invented-capitals");

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CustomTasksTest.class.getResource(name).toURI());
    }

    @Test
    void userFacingExampleLoadsAndRenders() {
        McTask task = CustomTasks.load(EXAMPLE.resolve("invented-capitals.yaml"));
        Path data = EXAMPLE.resolve("data");
        assertEquals("invented-capitals", task.name());
        List<Subject> subjects = task.subjects(data);
        assertEquals(List.of("north", "south"), subjects.stream().map(Subject::name).toList());
        Subject north = subjects.get(0);
        assertEquals(List.of("geography"), north.categories());

        List<Item> test = task.load(data, north, Split.TEST);
        assertEquals(3, test.size());
        assertEquals(List.of(0, 3, 2), test.stream().map(Item::gold).toList());
        assertEquals("What is the capital of Østerby, the island state?", test.get(2).question());
        assertEquals(4, test.get(2).source().line());

        McTemplate official = task.template(PromptFormat.OFFICIAL);
        Item shot = task.load(data, north, Split.DEV).get(0);
        assertEquals("The following are multiple choice questions (with answers) about the capitals of northern"
                + " countries.\n\nWhat is the capital of Varnholt?\nA. Eskel\nB. Drumvik\nC. Olsta\nD. Pirren\nAnswer: B\n\n"
                + "What is the capital of Skarvland?\nA. Nordhavn\nB. Ettervik\nC. Bramsund\nD. Iskby\nAnswer:",
                official.header(north) + official.shot(shot) + official.query(test.get(0)));
        assertEquals("The following are multiple choice questions (with answers) about northern countries.\n\n",
                task.template(PromptFormat.LM_EVAL).header(north), "lm-eval block left empty: MMLU lm-eval defaults");
        assertEquals(FewShotSampling.FIRST_N, task.fewShotSampling(PromptFormat.LM_EVAL));
    }

    @Test
    void jsonDefinitionWithDiscoveryChoiceArraysAndIndexAnswers() throws URISyntaxException {
        Path def = resource("/quiz/quiz.json");
        McTask task = CustomTasks.load(def);
        Path data = def.resolveSibling("data");
        List<Subject> subjects = task.subjects(data);
        assertEquals(List.of("arithmetic", "geography"), subjects.stream().map(Subject::name).toList());
        List<Item> items = task.load(data, subjects.get(0), Split.TEST);
        assertEquals(List.of("pink", "grey"), items.get(1).choices());
        assertEquals(List.of(1, 0), items.stream().map(Item::gold).toList());
        McTemplate official = task.template(PromptFormat.OFFICIAL);
        assertEquals("Quiz on arithmetic:\nQ:   Two plus two?\n(1) 3\n(2) 4\n(3) 5\nA:",
                official.header(subjects.get(0)) + official.query(items.get(0)));
        assertEquals(List.of(" 1", " 2", " 3"), official.continuations(items.get(0)));
        assertEquals(FewShotSampling.SEEDED_RANDOM, task.fewShotSampling(PromptFormat.OFFICIAL));
        assertEquals(data.resolve("dev/geography.jsonl"), task.dataFile(data, subjects.get(1), Split.DEV));
    }

    @Test
    void mmluStyleLayoutWithoutHeaderAndRepeatedSplit() throws IOException {
        Files.createDirectories(dir.resolve("data/test"));
        Files.writeString(dir.resolve("data/test/algebra_test.csv"), "What is 2+2?,3,4,5,6,B\n");
        Path def = Files.writeString(dir.resolve("mini.yml"), """
                name: mini-mmlu
                data:
                  path: "data/{split}/{subject}_{split}.csv"
                  header: false
                  question: 0
                  choices: [1, 2, 3, 4]
                  answer: 5
                subjects: discover
                """);
        McTask task = CustomTasks.load(def);
        Subject algebra = task.subjects(dir).get(0);
        assertEquals("algebra", algebra.name());
        assertEquals(1, task.load(dir, algebra, Split.TEST).get(0).gold());
    }

    @Test
    void clozeTemplateScoresEachOptionTextWithoutListingTheOptions() throws IOException {
        Files.createDirectories(dir.resolve("data/test"));
        Files.writeString(dir.resolve("data/test/animals_test.csv"), "A cow says,moo,woof,quack,oink,A\n");
        Path def = Files.writeString(dir.resolve("cloze.yaml"), """
                name: cloze-animals
                data:
                  path: "data/{split}/{subject}_{split}.csv"
                  header: false
                  question: 0
                  choices: [1, 2, 3, 4]
                  answer: 5
                subjects: discover
                templates:
                  official: {header: "", optionLine: "", answerCue: "", answerStyle: choice_text}
                """);
        McTask task = CustomTasks.load(def);
        Subject animals = task.subjects(dir).get(0);
        Item item = task.load(dir, animals, Split.TEST).get(0);
        McTemplate cloze = task.template(PromptFormat.OFFICIAL);
        assertEquals("A cow says", cloze.header(animals) + cloze.query(item));
        assertEquals(List.of(" moo", " woof", " quack", " oink"), cloze.continuations(item));
        assertEquals("A cow says moo\n\n", cloze.shot(item));
        assertEquals(List.of(" A", " B", " C", " D"), task.template(PromptFormat.LM_EVAL).continuations(item),
                "the other format keeps letters");
    }

    @Test
    void unknownKeysAreNamedWithFileLineAndAllowedKeys() throws IOException {
        Path top = Files.writeString(dir.resolve("top.yaml"), "name: x\nsubject: discover\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CustomTasks.load(top));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(top + ":2: "), e.getMessage());
        assertTrue(e.getMessage().contains("found unknown key 'subject'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected one of the keys data, description, fewShotSampling, name,"
                + " subjects, templates"), e.getMessage());

        Path nested = Files.writeString(dir.resolve("nested.yaml"), """
                name: x
                data: {path: "{split}/{subject}.csv"}
                subjects: discover
                templates:
                  lm-eval:
                    answerCeu: "\\nA:"
                """);
        DataFormatException n = assertThrows(DataFormatException.class, () -> CustomTasks.load(nested));
        assertTrue(n.getMessage().contains("nested.yaml:6: ") && n.getMessage().contains("'answerCeu'")
                && n.getMessage().contains("in 'templates.lm-eval'"), n.getMessage());

        Path block = Files.writeString(dir.resolve("block.yaml"), """
                name: x
                data: {path: "{split}/{subject}.csv"}
                subjects: discover
                templates:
                  officail:
                    header: "x"
                """);
        DataFormatException b = assertThrows(DataFormatException.class, () -> CustomTasks.load(block));
        assertEquals(5, b.line(), b.getMessage());
        assertTrue(b.getMessage().contains("expected one of the keys lm-eval, official in 'templates', found unknown"
                + " key 'officail'"), b.getMessage());

        Path inSubject = Files.writeString(dir.resolve("subj.yaml"), """
                name: x
                data: {path: "{split}/{subject}.csv"}
                subjects:
                  - name: a
                    display: A
                """);
        DataFormatException s = assertThrows(DataFormatException.class, () -> CustomTasks.load(inSubject));
        assertTrue(s.getMessage().contains("subj.yaml:5: ") && s.getMessage().contains("unknown key 'display'")
                && s.getMessage().contains("in 'subjects[0]'"), s.getMessage());
    }

    @Test
    void invalidDefinitionsSayWhatWasExpected() throws IOException {
        assertInvalid("name: X\ndata: {path: \"{split}/{subject}.csv\"}\nsubjects: discover\n", "expected 'name'");
        assertInvalid("name: x\ndata: {path: \"{split}/all.csv\"}\nsubjects: discover\n",
                "exactly one {subject}");
        assertInvalid("name: x\ndata: {path: \"{split}/{subject}.tsv\"}\nsubjects: discover\n", ".csv or .jsonl");
        assertInvalid("name: x\ndata: {path: \"{split}/{subject}.csv\"}\n", "expected 'subjects'");
        assertInvalid("name: x\ndata: {path: \"{split}/{subject}.csv\", answerFormat: roman}\nsubjects: discover\n",
                "answerFormat");
        assertInvalid("name: x\ndata: {path: \"{split}/{subject}.csv\", choices: [a, b, c]}\nsubjects: discover\n"
                + "templates: {official: {letters: [A, B]}}\n", "templates.official.letters");
        assertInvalid("name: x\ndata: {path: \"{split}/{subject}.csv\", header: false}\nsubjects: discover\n",
                "expected 0-based column positions");
        DataFormatException yaml = assertInvalid("name: x\ndata: [unclosed\n", "expected a task definition");
        assertTrue(yaml.line() > 0, yaml.getMessage());
        DataFormatException sampling = assertInvalid("name: x\ndata: {path: \"{split}/{subject}.csv\"}\n"
                + "subjects: discover\nfewShotSampling: random\n",
                "expected 'fewShotSampling' to be one of first_n, seeded_random, found 'random'");
        assertEquals(4, sampling.line(), sampling.getMessage());
        assertFalse(sampling.getMessage().contains("SEEDED_RANDOM"), "the names users write, not Java's");
        Path missing = dir.resolve("absent.yaml");
        DataFormatException none = assertThrows(DataFormatException.class, () -> CustomTasks.load(missing));
        assertEquals(missing + ": expected a task definition file, found no such file", none.getMessage(),
                "a whole-file problem has no line 0");
    }

    private DataFormatException assertInvalid(String yaml, String expected) throws IOException {
        Path def = Files.writeString(Files.createTempFile(dir, "def", ".yaml"), yaml);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CustomTasks.load(def), yaml);
        assertTrue(e.getMessage().startsWith(def.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e;
    }

    @Test
    void discoveryWithNoMatchingFileFails() throws IOException {
        Path def = Files.writeString(dir.resolve("d.yaml"), "name: x\ndata: {path: \"{split}/{subject}.csv\"}\n"
                + "subjects: discover\n");
        McTask task = CustomTasks.load(def);
        DataFormatException e = assertThrows(DataFormatException.class, () -> task.subjects(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("expected files matching '{split}/{subject}.csv'"), e.getMessage());
    }
}
