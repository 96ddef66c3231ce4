package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code proctor tasks}: the multiple-choice task plugins, then the retrieval datasets {@code retrieve} takes. */
class TasksCommandTest {

    @Test
    void listsTaskPluginsAndBundledRetrievalDatasets() {
        CliRun r = CliRun.of("tasks");
        assertEquals(0, r.exitCode(), r.toString());
        for (String task : new String[] {"mmlu ", "cmmlu ", "m3ke ", "synthetic "}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(task)), task + " in\n" + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("bundled:everyday-en  (en) ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("bundled:everyday-zh  (zh) ")
                && l.contains("48 short passages")), r.out());
    }

    @Test
    void aTasksSubjectsAreListed() {
        CliRun r = CliRun.of("tasks", "synthetic");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("synthetic:")), r.out());
        assertTrue(r.out().lines().count() > 1, r.out());
    }
}
