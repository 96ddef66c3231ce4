package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.testkit.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misuse fails with exit code 1 and a message that says what is wrong; nothing is scored. */
class ErrorMessagesTest {

    @Test
    void unknownTaskListsTheKnownOnes(@TempDir Path out) {
        CliRun run = CliRun.of("run", "--tasks", "cmmlux", "--out", out.toString(), "--no-progress");
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cmmlux") && run.err().contains("cmmlu") && run.err().contains("m3ke"), run.err());
        assertTrue(!Files.exists(out.resolve("results.json")));
    }

    @Test
    void unknownSubjectListsTheTasksSubjects() {
        CliRun run = CliRun.of("prompts", "--task", "synthetic:astrology", "--limit", "1");
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("astrology") && run.err().contains("geography_en"), run.err());
    }

    @Test
    void m3keTestSplitIsRefusedBecauseThePublicReleaseHasNoAnswers(@TempDir Path out) {
        Path m3ke = SharedFolder.require("data/" + "m3ke");
        CliRun run = CliRun.of("run", "--tasks", "m3ke", "--data-dir", m3ke.toString(), "--out", out.toString(), "--no-progress");
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no answers") || run.err().contains("answers"), run.err());
        assertTrue(run.err().contains("dev"), "the message points to the dev split: " + run.err());
    }

    @Test
    void aMissingModelDirectoryIsNamed(@TempDir Path tmp) {
        Path missing = tmp.resolve("no-such-model");
        CliRun run = CliRun.of("run", "--model", "onnx:" + missing, "--no-progress", "--out", tmp.resolve("o").toString());
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains(missing.toString()), run.err());
    }

    @Test
    void aMalformedDataRowIsNamedByFileAndLine(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("cmmlu");
        Files.createDirectories(data.resolve("data/test"));
        Files.createDirectories(data.resolve("data/dev"));
        Files.writeString(data.resolve("data/test/agronomy.csv"),
                ",Question,A,B,C,D,Answer\n0,q1,a,b,c,d,A\n1,q2,a,b,c,d,E\n");
        Files.writeString(data.resolve("data/dev/agronomy.csv"), ",Question,A,B,C,D,Answer\n0,q,a,b,c,d,A\n");
        CliRun locked = CliRun.of("run", "--tasks", "cmmlu:agronomy", "--data-dir", data.toString(),
                "--out", tmp.resolve("o").toString(), "--no-progress");
        assertEquals(Main.EXIT_USER_ERROR, locked.exitCode(), locked::toString);
        assertTrue(locked.err().contains("does not match datasets.lock"), "the data is checked before it is read: "
                + locked.err());
        CliRun run = CliRun.of("run", "--tasks", "cmmlu:agronomy", "--allow-unlocked", data.toString(),
                "--out", tmp.resolve("o").toString(), "--no-progress");
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("agronomy.csv:3"), run.err());
        assertTrue(!Files.exists(tmp.resolve("o/results.json")), "nothing is scored from a bad file");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(Main.EXIT_USAGE, CliRun.of("run", "--shotz", "5").exitCode());
    }
}
