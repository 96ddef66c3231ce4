package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.core.evaluate.Evaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run killed with SIGKILL in the middle resumes with the same command, computes only what is missing, and ends
 * with the same per-item results as an uninterrupted run: for letter scoring, for generation (each also through a
 * KV cache, whose prefix tree reports each question when its last node has run), for a dense
 * retrieval run (whose corpus embeddings are responses in the store like any other), and for machine-generated-text
 * detection (whose dev items, run and stored like the rest, fix the threshold the test items are decided by).
 */
class ResumeAfterKillTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "letter|--limit 30 --batch-tokens 1|embedded:tiny-gpt",
            "generate|--limit 12 --scoring generate --batch-tokens 1|embedded:tiny-gpt",
            "letter, KV cache|--shots 2 --limit 30 --batch-tokens 1|embedded:tiny-gpt-past",
            "generate, KV cache|--limit 12 --scoring generate --batch-tokens 1|embedded:tiny-gpt-past",
            "retrieval|--tasks retrieval:everyday-en --model-arg batching=per-text|embedded:bge-small-en",
            "mgt|--tasks mgt:bundled-en --limit 40 --batch-tokens 1|embedded:tiny-gpt",
            "detection|--tasks detection --limit 60 --model-arg batch=1|embedded:shapes-detector"})
    void killedRunResumesAndMatchesAnUninterruptedRun(String name, String options, String model, @TempDir Path tmp)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--no-progress", "--resamples", "200"));
        args.addAll(List.of(options.split(" ")));
        Path killed = tmp.resolve("killed");
        List<String> child = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        child.addAll(args);
        child.addAll(List.of("--model", "slow:" + model, "--out", killed.toString()));
        Process process = new ProcessBuilder(child).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        long stored = waitForStoredResponses(killed.resolve(Evaluator.STORE_FILE), 6, process, tmp.resolve("child.log"));
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(!Files.exists(killed.resolve("results.json")), "killed before it finished");

        CliRun resumed = run(args, model, killed);
        assertEquals(0, resumed.exitCode(), resumed::toString);
        Path clean = tmp.resolve("clean");
        CliRun uninterrupted = run(args, model, clean);
        assertEquals(0, uninterrupted.exitCode(), uninterrupted::toString);

        JsonNode stats = Samples.results(killed).get("stats");
        JsonNode full = Samples.results(clean).get("stats");
        assertTrue(stats.get("reusedResponses").asLong() >= stored, stats::toString);
        assertEquals(full.get("computedResponses").asLong(), stats.get("computedResponses").asLong()
                + stats.get("reusedResponses").asLong(), "computed now plus reused make the whole run: " + stats);
        assertTrue(stats.get("computedResponses").asLong() < full.get("computedResponses").asLong(),
                "only the missing responses were computed: " + stats);

        Map<String, JsonNode> a = Samples.read(killed);
        Map<String, JsonNode> b = Samples.read(clean);
        assertEquals(b.keySet(), a.keySet());
        for (String id : b.keySet()) {
            assertEquals(b.get(id).get("prediction"), a.get(id).get("prediction"), id);
            assertEquals(b.get(id).get("metrics"), a.get(id).get("metrics"), id);
        }
        assertEquals(Samples.results(clean).at("/results"), Samples.results(killed).at("/results"));
    }

    private static CliRun run(List<String> args, String model, Path out) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--model", model, "--out", out.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Polls the child's store until it holds at least {@code atLeast} responses. */
    private static long waitForStoredResponses(Path db, int atLeast, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), () -> "the child ended before it could be killed: " + read(log));
            if (Files.exists(db)) {
                long n = count(db);
                if (n >= atLeast) {
                    return n;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child stored fewer than " + atLeast + " responses in 120 s");
    }

    private static long count(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM responses")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // the table does not exist yet, or the child holds a lock: look again
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
