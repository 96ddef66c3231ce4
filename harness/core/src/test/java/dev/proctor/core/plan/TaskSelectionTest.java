package dev.proctor.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.task.Subject;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.testkit.FakeTask;
import dev.proctor.core.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskSelectionTest {
    @TempDir
    Path dir;

    private final TaskRegistry tasks = TaskRegistry.of(List.of(Fixtures.toyTask(),
            new FakeTask("other", new Subject("x", "X", List.of()))));

    @Test
    void expandSplitsCommaListsAndReadsFiles() throws IOException {
        Path list = dir.resolve("tasks.txt");
        Files.writeString(list, "# my suite\ntoy:algebra   # inline comment\n\n  other , toy:music\n");
        assertEquals(List.of("a", "b", "c", "toy:algebra", "other", "toy:music", "d"),
                TaskSelection.expand(List.of("a,b", " c ,", "@" + list, "d")));
    }

    @Test
    void missingSelectionFileIsAClearError() {
        ProctorException e = assertThrows(ProctorException.class,
                () -> TaskSelection.expand(List.of("@" + dir.resolve("nope.txt"))));
        assertTrue(e.getMessage().contains("nope.txt") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void nestedSelectionFileIsRefusedWithItsLine() throws IOException {
        Path list = dir.resolve("tasks.txt");
        Files.writeString(list, "toy\n@other.txt\n");
        ProctorException e = assertThrows(ProctorException.class, () -> TaskSelection.expand(List.of("@" + list)));
        assertTrue(e.getMessage().contains("tasks.txt:2"), e.getMessage());
    }

    @Test
    void wholeTaskSubsetsAndDuplicatesKeepFirstOrder() {
        List<SelectedSubject> selected = TaskSelection.resolve(List.of("toy:music", "other", "toy", "toy:music"),
                tasks, Map.of(RunConfig.ANY_TASK, dir));
        assertEquals(List.of("toy/music", "other/x", "toy/algebra", "toy/history"),
                selected.stream().map(SelectedSubject::key).toList());
    }

    @Test
    void unknownTaskListsTasks() {
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> TaskSelection.resolve(List.of("tyo"), tasks, Map.of(RunConfig.ANY_TASK, dir)));
        assertTrue(e.getMessage().contains("other, toy"), e.getMessage());
    }

    @Test
    void unknownSubjectListsThatTasksSubjects() {
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> TaskSelection.resolve(List.of("toy:agronomy"), tasks, Map.of(RunConfig.ANY_TASK, dir)));
        assertTrue(e.getMessage().contains("unknown toy subject 'agronomy'"), e.getMessage());
        assertTrue(e.getMessage().contains("algebra, history, music"), e.getMessage());
    }

    @Test
    void dataDirOfTheTaskThenAnyTaskThenBundledThenError() throws IOException {
        Path own = Files.createDirectories(dir.resolve("own"));
        Path any = Files.createDirectories(dir.resolve("any"));
        Path bundled = Files.createDirectories(dir.resolve("bundled"));
        FakeTask task = Fixtures.toyTask().bundled(bundled);
        assertEquals(own, TaskSelection.dataDir(task, Map.of("toy", own, RunConfig.ANY_TASK, any)));
        assertEquals(any, TaskSelection.dataDir(task, Map.of("other", own, RunConfig.ANY_TASK, any)));
        assertEquals(bundled, TaskSelection.dataDir(task, Map.of("other", own)));
        ProctorException e = assertThrows(ProctorException.class,
                () -> TaskSelection.dataDir(Fixtures.toyTask(), Map.of()));
        assertEquals("task toy needs --data-dir (no bundled data)", e.getMessage());
    }

    @Test
    void missingDataDirIsNamed() {
        ProctorException e = assertThrows(ProctorException.class,
                () -> TaskSelection.resolve(List.of("toy"), tasks, Map.of("toy", dir.resolve("absent"))));
        assertTrue(e.getMessage().contains("absent"), e.getMessage());
    }
}
