package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.testkit.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proctor run} checks every data file against datasets.lock before scoring, and says so in the results. */
class DataGateTest {

    @Test
    void realCmmluFilesAreVerifiedAgainstThePins(@TempDir Path out) {
        Path cmmlu = SharedFolder.require("data/" + "cmmlu");
        CliRun run = CliRun.of("run", "--tasks", "cmmlu:agronomy", "--data-dir", cmmlu.toString(), "--limit", "2",
                "--shots", "1", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode check = Samples.results(out).at("/provenance/dataChecks/0");
        assertEquals("verified", check.get("status").asText(), check::toString);
        assertEquals("cmmlu", check.get("dataset").asText());
        assertEquals(2, check.get("files").asInt(), "the test file and the dev file of agronomy");
    }

    @Test
    void oneAlteredAnswerIsRefusedWithBothHashesAndNothingIsScored(@TempDir Path tmp) throws Exception {
        Path copy = copyAgronomy(tmp);
        Path test = copy.resolve("data/test/agronomy.csv");
        String text = Files.readString(test);
        Files.writeString(test, text.replaceFirst(",B\n", ",C\n")); // one gold answer changed: still a valid file
        CliRun run = CliRun.of("run", "--tasks", "cmmlu:agronomy", "--data-dir", copy.toString(), "--limit", "2",
                "--out", tmp.resolve("out").toString(), "--no-progress");
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("agronomy.csv") && run.err().matches("(?s).*[0-9a-f]{64}.*[0-9a-f]{64}.*"), run.err());
        assertFalse(Files.exists(tmp.resolve("out/results.json")));
    }

    @Test
    void allowUnlockedScoresAdHocDataAndSaysUnlocked(@TempDir Path tmp) throws Exception {
        Path copy = copyAgronomy(tmp);
        Files.writeString(copy.resolve("data/test/agronomy.csv"), ",Question,A,B,C,D,Answer\n0,q?,a,b,c,d,A\n1,r?,a,b,c,d,B\n");
        Path out = tmp.resolve("out");
        CliRun refused = CliRun.of("run", "--tasks", "cmmlu:agronomy", "--data-dir", copy.toString(),
                "--out", out.toString(), "--no-progress");
        assertEquals(Main.EXIT_USER_ERROR, refused.exitCode(), refused::toString);

        CliRun run = CliRun.of("run", "--tasks", "cmmlu:agronomy", "--allow-unlocked", copy.toString(),
                "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode check = Samples.results(out).at("/provenance/dataChecks/0");
        assertEquals("unlocked", check.get("status").asText(), check::toString);
    }

    @Test
    void theBundledSuiteIsMarkedBundled(@TempDir Path out) {
        CliRun run = CliRun.of("run", "--limit", "1", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("bundled", Samples.results(out).at("/provenance/dataChecks/0/status").asText());
    }

    @Test
    void offlineWithoutDataNamesTheFetchCommand(@TempDir Path tmp) {
        CliRun run = CliRun.of("run", "--tasks", "cmmlu:agronomy", "--offline", "--cache", tmp.resolve("cache").toString(),
                "--out", tmp.resolve("out").toString(), "--no-progress");
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("proctor datasets fetch cmmlu"), run.err());
    }

    private static Path copyAgronomy(Path tmp) throws Exception {
        Path cmmlu = SharedFolder.require("data/" + "cmmlu");
        Path copy = tmp.resolve("cmmlu");
        for (String split : new String[] {"dev", "test"}) {
            Files.createDirectories(copy.resolve("data").resolve(split));
            Files.copy(cmmlu.resolve("data").resolve(split).resolve("agronomy.csv"),
                    copy.resolve("data").resolve(split).resolve("agronomy.csv"));
        }
        return copy;
    }
}
