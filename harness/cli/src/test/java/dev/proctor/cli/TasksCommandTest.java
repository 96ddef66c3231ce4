package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code proctor tasks}: every task of every kind; {@code proctor tasks TASK}: its subjects. */
class TasksCommandTest {

    @Test
    void listsEveryTaskAndTheRetrievalDatasetsAsItsSubjects() {
        CliRun r = CliRun.of("tasks");
        assertEquals(0, r.exitCode(), r.toString());
        for (String task : new String[] {"mmlu ", "cmmlu ", "m3ke ", "synthetic ", "retrieval "}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(task)), task + " in\n" + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("ceval ") && l.contains("[formats: official, lm-eval,"
                + " official-handle, official-cot, opencompass]")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("retrieval ") && !l.contains("formats")), r.out());
        CliRun datasets = CliRun.of("tasks", "retrieval");
        assertEquals(0, datasets.exitCode(), datasets.toString());
        assertTrue(datasets.out().lines().anyMatch(l -> l.startsWith("retrieval:everyday-en\t")
                && l.endsWith("language:en")), datasets.out());
        assertTrue(datasets.out().lines().anyMatch(l -> l.startsWith("retrieval:everyday-zh\t")
                && l.endsWith("language:zh")), datasets.out());
    }

    @Test
    void aTasksSubjectsAreListed() {
        CliRun r = CliRun.of("tasks", "synthetic");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("synthetic:")), r.out());
        assertTrue(r.out().lines().count() > 1, r.out());
    }
}
