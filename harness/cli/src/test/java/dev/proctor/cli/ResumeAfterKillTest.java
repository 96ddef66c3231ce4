package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.embedded.EmbeddedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle resumes with the same command, computes only what is missing, and ends
 * with the same per-item results as an uninterrupted run.
 */
class ResumeAfterKillTest {
    /** Items per subject: enough that the run is surely in the middle when the test kills it. */
    private static final int LIMIT = 30;

    @Test
    void killedRunResumesAndMatchesAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path model = EmbeddedModels.materialize(EmbeddedModels.DEFAULT);
        Path killed = tmp.resolve("killed");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--model", "slow-onnx:" + model, "--out", killed.toString(), "--no-progress",
                "--batch-tokens", "1", "--limit", String.valueOf(LIMIT))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile())
                .start();
        long stored = waitForStoredItems(killed.resolve(RunCommand.STORE_FILE), 10, child);
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(!Files.exists(killed.resolve("results.json")), "killed before it finished");

        CliRun resumed = CliRun.of("run", "--model", "onnx:" + model, "--out", killed.toString(), "--no-progress",
                "--limit", String.valueOf(LIMIT));
        assertEquals(0, resumed.exitCode(), resumed::toString);
        Path clean = tmp.resolve("clean");
        CliRun uninterrupted = CliRun.of("run", "--model", "onnx:" + model, "--out", clean.toString(), "--no-progress",
                "--limit", String.valueOf(LIMIT));
        assertEquals(0, uninterrupted.exitCode(), uninterrupted::toString);

        JsonNode stats = Samples.results(killed).get("stats");
        long total = Samples.read(clean).size();
        assertTrue(stats.get("resumedItems").asLong() >= stored, stats::toString);
        assertEquals(total, stats.get("items").asLong() + stats.get("resumedItems").asLong());
        assertTrue(stats.get("items").asLong() < total, "only the missing items were computed: " + stats);

        Map<String, JsonNode> a = Samples.read(killed);
        Map<String, JsonNode> b = Samples.read(clean);
        assertEquals(b.keySet(), a.keySet());
        for (String id : b.keySet()) {
            assertEquals(b.get(id).get("prediction"), a.get(id).get("prediction"), id);
            JsonNode x = a.get(id).get("choice_loglik");
            JsonNode y = b.get(id).get("choice_loglik");
            for (int i = 0; i < x.size(); i++) {
                assertEquals(y.get(i).asDouble(), x.get(i).asDouble(), 1e-4, id);
            }
        }
    }

    /** Polls the child's store until it holds at least {@code atLeast} items. */
    private static long waitForStoredItems(Path db, int atLeast, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the child ended before it could be killed");
            if (Files.exists(db)) {
                long n = count(db);
                if (n >= atLeast) {
                    return n;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child stored fewer than " + atLeast + " items in 120 s");
    }

    private static long count(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM results")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // the table does not exist yet, or the child holds a lock: look again
        }
    }
}
