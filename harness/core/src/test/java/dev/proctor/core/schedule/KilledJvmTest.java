package dev.proctor.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.core.plan.Planner;
import dev.proctor.core.result.ItemResult;
import dev.proctor.core.run.ProgressListener;
import dev.proctor.core.store.ResultStore;
import dev.proctor.core.testkit.FakeLanguageModel;
import dev.proctor.core.testkit.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's durability claim, tested for real: a JVM that dies mid-run keeps every committed batch. */
class KilledJvmTest {
    @TempDir
    Path dir;

    @Test
    void aJvmKilledMidRunKeepsEveryCommittedItemAndTheRunResumes() throws Exception {
        Path data = Fixtures.writeToyData(dir.resolve("data"), 6, 5);
        Path db = dir.resolve("out/results.db");
        int batchesBeforeDeath = 4;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HaltingRun.class.getName(),
                data.toString(), db.toString(), String.valueOf(batchesBeforeDeath))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child did not finish");
        assertEquals(137, child.exitValue(), () -> "child log: " + read(dir.resolve("child.log")));

        FakeLanguageModel reference = new FakeLanguageModel();
        List<ItemResult> expected;
        try (ResultStore store = ResultStore.open(dir.resolve("reference.db"))) {
            expected = new Scheduler().run(Planner.plan(HaltingRun.config(data), HaltingRun.TASKS, reference),
                    reference, store, ProgressListener.NONE).results();
        }
        int stored;
        try (ResultStore store = ResultStore.open(db, "fingerprint")) {
            stored = store.loadAll().size();
            assertTrue(stored >= batchesBeforeDeath && stored < expected.size(), stored + " items stored");
            FakeLanguageModel model = new FakeLanguageModel();
            RunOutcome outcome = new Scheduler().run(Planner.plan(HaltingRun.config(data), HaltingRun.TASKS, model),
                    model, store, ProgressListener.NONE);
            assertEquals(expected.size() - stored, model.sequencesSent());
            SchedulerTest.assertSameResults(expected, outcome.results());
        }
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
