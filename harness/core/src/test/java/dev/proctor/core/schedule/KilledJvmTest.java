package dev.proctor.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.request.RequestKind;
import dev.proctor.core.store.Canonical;
import dev.proctor.core.store.ResultStore;
import dev.proctor.core.testkit.FakeModel;
import dev.proctor.core.testkit.Fixtures;
import dev.proctor.core.testkit.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store's durability claim, tested for real: a JVM that dies mid-run keeps every committed call's responses. */
class KilledJvmTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"loglikelihood", "generate", "retrieve"})
    void aJvmKilledMidRunKeepsEveryCommittedResponseAndTheRunResumes(String kindId) throws Exception {
        RequestKind<?, ?> kind = RequestKind.of(kindId);
        Path data = Fixtures.writeLines(dir.resolve("data"), 6);
        Path db = dir.resolve("out/results.db");
        int callsBeforeDeath = 4;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HaltingRun.class.getName(),
                data.toString(), db.toString(), kindId, String.valueOf(callsBeforeDeath))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child did not finish");
        assertEquals(137, child.exitValue(), () -> "child log: " + read(dir.resolve("child.log")));

        RunOutcome expected = Runs.schedule(Runs.prepare(data, HaltingRun.CONFIG, FakeModel.all(),
                HaltingRun.task(kind)), dir.resolve("reference.db"));
        long stored;
        try (ResultStore store = ResultStore.open(db)) {
            stored = store.responses(Canonical.modelKey(FakeModel.all().info()), kind).size();
        }
        assertEquals(2L * callsBeforeDeath, stored, "every call before the kill was committed");
        FakeModel model = FakeModel.all();
        RunOutcome outcome = Runs.schedule(Runs.prepare(data, HaltingRun.CONFIG, model, HaltingRun.task(kind)), db);
        assertEquals(expected.stats().requests() - stored, model.received(kind).size(), "only the missing ones");
        assertEquals(SchedulerTest.values(expected), SchedulerTest.values(outcome));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
