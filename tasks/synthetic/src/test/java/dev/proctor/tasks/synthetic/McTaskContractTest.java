package dev.proctor.tasks.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTask;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.testkit.IsolatedCache;
import dev.proctor.testkit.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs against every multiple-choice benchmark registered with ServiceLoader on this module's test class path (the built-in task
 * modules are test dependencies here), so a new task is checked the day it is added to this pom.
 */
class McTaskContractTest {
    private static final Item MADE_UP = new Item("s/test/0", "s", "  Which one? ", List.of("x", "y", "z", "w"), 2,
            new SourceLine(Path.of("made-up.csv"), 2));

    @RegisterExtension
    static final IsolatedCache CACHE = new IsolatedCache();

    static Stream<McTask> tasks() {
        return ServiceLoader.load(McTask.class).stream().map(ServiceLoader.Provider::get);
    }

    static Stream<Named<McTask>> named() {
        return tasks().map(task -> Named.of(task.name(), task));
    }

    @Test
    void namesAreNonEmptyLowerCaseAndUnique() {
        List<String> names = tasks().map(McTask::name).toList();
        assertTrue(names.containsAll(List.of("mmlu", "cmmlu", "m3ke", "synthetic")), names.toString());
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate task names: " + names);
        for (String name : names) {
            assertTrue(name.matches("[a-z0-9][a-z0-9_.-]*"), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("named")
    void describesItselfAndRendersEveryFormatItHas(McTask task) {
        assertFalse(task.description().isBlank(), task.name());
        assertTrue(task.formats().contains(PromptFormat.OFFICIAL) && task.formats().contains(PromptFormat.LM_EVAL),
                task.name() + " has the official and lm-eval formats");
        Subject subject = new Subject("s", "some subject", List.of());
        Item explained = MADE_UP.withExplanation("worked out");
        for (PromptFormat format : task.formats()) {
            McTemplate template = task.template(format, subject).forSubject(subject);
            String prompt = template.header(subject) + template.shot(explained) + template.ask(MADE_UP);
            assertTrue(template.header().isEmpty() && template.questionPrefix().isEmpty()
                            || prompt.contains("some subject") || prompt.contains(subject.name()),
                    "a header names the subject: " + task.name() + " " + format + ": " + prompt);
            assertTrue(prompt.contains("Which one?") && prompt.contains("z"), prompt);
            assertEquals(4, template.continuations(MADE_UP).size());
            assertTrue(template.shot(explained).contains(template.continuations(MADE_UP).get(2)),
                    "a shot holds its gold continuation");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("named")
    void subjectsLoadWhereDataIsAvailable(McTask task) {
        Path data = dataDir(task);
        Assumptions.assumeTrue(data != null, "skipped: no data for " + task.name()
                + " here (not bundled, not in the shared folder)");
        List<Subject> subjects = task.subjects(data);
        assertFalse(subjects.isEmpty(), task.name());
        Set<String> names = new HashSet<>();
        subjects.forEach(s -> assertTrue(names.add(s.name()), "duplicate subject " + s.name()));

        Subject first = subjects.get(0);
        assertTrue(Files.isRegularFile(task.dataFile(data, first, Split.TEST)));
        List<Item> test = task.load(data, first, Split.TEST);
        assertFalse(test.isEmpty());
        assertEquals(test.stream().allMatch(Item::hasGold), task.unscorableReason(Split.TEST).isEmpty(),
                "a split without gold answers must say why it cannot be scored");
        Item shot = task.load(data, first, Split.DEV).get(0);
        for (PromptFormat format : task.formats()) {
            McTemplate template = task.template(format, first).forSubject(first);
            String prompt = template.header(first) + template.shot(shot) + template.ask(test.get(0));
            assertTrue(prompt.startsWith(template.header(first)) && prompt.contains(shot.question().strip()), prompt);
        }
    }

    private static Path dataDir(McTask task) {
        if (task.bundledDataDir().isPresent()) {
            return task.bundledDataDir().get();
        }
        Path dir = SharedFolder.resolve("data/" + task.name());
        return Files.isDirectory(dir) ? dir : null;
    }
}
