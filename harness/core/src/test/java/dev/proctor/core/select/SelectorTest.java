package dev.proctor.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.select.TaskSelection.Selection;
import dev.proctor.core.testkit.FakeModel;
import dev.proctor.core.testkit.Fixtures;
import dev.proctor.core.testkit.LineTask;
import dev.proctor.core.testkit.Runs;
import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectorTest {
    @TempDir
    Path dir;

    private final LineTask lines = new LineTask("lines", RequestKind.LOGLIKELIHOOD, Fixtures.ALGEBRA,
            Fixtures.HISTORY);
    private final LineTask ranked = new LineTask("ranked", RequestKind.RETRIEVE, Fixtures.MUSIC);
    private final TaskRegistry registry = TaskRegistry.of(List.of(lines, ranked));

    @Test
    void selectionsExpandCommaListsAndTaskFiles() throws Exception {
        Path file = dir.resolve("kept.txt");
        Files.writeString(file, "# kept subtasks\nlines:algebra\n\nranked  # all of it\nlines:history,lines:algebra\n");
        assertEquals(List.of("a", "b:c", "lines:algebra", "ranked", "lines:history", "lines:algebra"),
                TaskSelection.expand(List.of("a,b:c", "@" + file)));
        assertEquals(new Selection("b", java.util.Optional.of("c")), Selection.parse("b:c"));
        Files.writeString(dir.resolve("nested.txt"), "@" + file + "\n");
        ProctorException e = assertThrows(ProctorException.class,
                () -> TaskSelection.expand(List.of("@" + dir.resolve("nested.txt"))));
        assertTrue(e.getMessage().contains("nested.txt:1: a task list cannot include another"), e.getMessage());
        e = assertThrows(ProctorException.class, () -> TaskSelection.expand(List.of("@" + dir.resolve("none.txt"))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aModelThatCannotServeATaskIsRefusedBeforeAnyDataIsRead() {
        FakeModel chatOnly = new FakeModel("chat", RequestKind.GENERATE);
        ProctorException e = assertThrows(ProctorException.class,
                () -> Runs.prepare(dir.resolve("no-such-data"), Fixtures.config(List.of("ranked", "lines"), 2), chatOnly,
                        lines, ranked));
        assertTrue(e.getMessage().contains("task ranked needs retrieve, which model chat (fake) does not serve;"
                + " it serves generate"), e.getMessage());
        assertEquals(0, lines.subjectReads() + ranked.subjectReads(), "no subject list was read");
    }

    @Test
    void unknownTaskOptionsAndDataForTasksNotSelectedAreRefused() throws Exception {
        Path data = Fixtures.writeLines(dir.resolve("data"), 2);
        TaskSettings settings = new TaskSettings(Split.TEST, 0, OptionalInt.empty(), PromptFormat.OFFICIAL,
                ScoringMode.LETTER, 1, Map.of("flavor", "x"));
        ProctorException e = assertThrows(ProctorException.class, () -> Selector.checkArguments(List.of(lines), settings));
        assertTrue(e.getMessage().contains("--task-arg flavor: not an option") && e.getMessage().contains("flavour"),
                e.getMessage());
        DataSources typo = new DataSources(Map.of("lnes", data), Set.of(), DatasetLock.empty(),
                new DatasetCache(dir.resolve("cache")), true, l -> { });
        e = assertThrows(ProctorException.class, () -> Selector.subjects(List.of(Selection.parse("lines")), registry,
                typo, Fixtures.settings(), true));
        assertTrue(e.getMessage().contains("given for lnes, which is not a selected task"), e.getMessage());
    }

    @Test
    void subjectsAreResolvedOnceInSelectionOrderAndAnUnknownSubjectListsTheKnownOnes() throws Exception {
        Path data = Fixtures.writeLines(dir.resolve("data"), 2);
        List<SelectedSubject> s = Selector.subjects(TaskSelection.parse(List.of("lines:history,lines,ranked")),
                registry, Runs.unlocked(data), Fixtures.settings(), true);
        assertEquals(List.of("lines/history", "lines/algebra", "ranked/music"),
                s.stream().map(SelectedSubject::key).toList());
        assertEquals(DataOrigin.UNLOCKED, s.get(0).origin());
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> Selector.subjects(
                TaskSelection.parse(List.of("lines:geometry")), registry, Runs.unlocked(data), Fixtures.settings(), true));
        assertTrue(e.getMessage().contains("algebra, history"), e.getMessage());
    }

    @Test
    void bundledDataIsUsedWhenNothingIsGivenAndATaskWithoutDataSaysWhatToGive() throws Exception {
        Path bundled = Fixtures.writeLines(dir.resolve("bundled"), 2);
        lines.bundled(bundled);
        DataSources none = DataSources.bundledOnly();
        List<SelectedSubject> s = Selector.subjects(TaskSelection.parse(List.of("lines")), registry, none,
                Fixtures.settings(), true);
        assertEquals(DataOrigin.BUNDLED, s.get(0).origin());
        ProctorException e = assertThrows(ProctorException.class, () -> Selector.subjects(
                TaskSelection.parse(List.of("ranked")), registry, none, Fixtures.settings(), true));
        assertTrue(e.getMessage().contains("task ranked needs --data-dir"), e.getMessage());
    }
}
