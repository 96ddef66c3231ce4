package dev.proctor.cli.served;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.cli.CliRuns;
import dev.proctor.cli.Main;
import dev.proctor.serve.ProctorServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client killed with SIGKILL mid-run against a server that wants an API key resumes without recomputing what it
 * stored, ends as an uninterrupted run does, and the key appears in no output, file or store.
 */
class ServedKillAndKeyTest {
    private static final String KEY = "sk-proctor-test-7f3a9c2e41";
    private static final String VARIABLE = "PROCTOR_TEST_API_KEY";

    @Test
    void killedClientResumesAndTheKeyIsNeverWritten(@TempDir Path tmp) throws Exception {
        try (ProctorServer server = Servers.embedded(Optional.of(KEY), 0)) {
            String model = "openai:" + Servers.url(server);
            List<String> args = List.of("run", "--limit", "20", "--no-progress", "--resamples", "100",
                    "--model-arg", "api-key-env=" + VARIABLE);

            Child noKey = Child.start(tmp, "nokey", args, "--model", model, "--out", tmp.resolve("nokey").toString());
            assertEquals(Main.EXIT_USER_ERROR, noKey.waitFor(), noKey.log());
            assertTrue(noKey.log().contains("that environment variable is not set"), noKey.log());

            Path killed = tmp.resolve("killed");
            Child first = Child.start(tmp, "first", args, true, "--model", "slow:" + model, "--out", killed.toString());
            long stored = StoreCount.await(killed.resolve("items.sqlite"), 30, first.process::isAlive);
            first.process.destroyForcibly();
            assertTrue(first.process.waitFor(30, TimeUnit.SECONDS));
            assertFalse(Files.exists(killed.resolve("results.json")), "killed before it finished");

            Child resumed = Child.start(tmp, "resumed", args, true, "--model", model, "--out", killed.toString());
            assertEquals(0, resumed.waitFor(), resumed.log());
            Child clean = Child.start(tmp, "clean", args, true, "--model", model, "--out", tmp.resolve("clean")
                    .toString());
            assertEquals(0, clean.waitFor(), clean.log());

            JsonNode stats = CliRuns.results(killed).get("stats");
            assertTrue(stats.get("reusedResponses").asLong() >= stored, stats::toString);
            assertTrue(stats.get("computedResponses").asLong() < 400, "only what was missing: " + stats);
            Map<String, JsonNode> a = CliRuns.samplesOf(killed);
            Map<String, JsonNode> b = CliRuns.samplesOf(tmp.resolve("clean"));
            ServedModelTest.assertSame(b, a);

            List<String> leaks = new ArrayList<>();
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(KEY)) {
                        leaks.add(f.toString());
                    }
                }
            }
            assertEquals(List.of(), leaks, "the API key is in no log, report, sample or store");
        }
    }

    /** {@code proctor} in a child JVM (the test's class path), its output in a log file under the temp folder. */
    private record Child(Process process, Path logFile) {
        static Child start(Path tmp, String name, List<String> args, String... more) throws IOException {
            return start(tmp, name, args, false, more);
        }

        static Child start(Path tmp, String name, List<String> args, boolean withKey, String... more)
                throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(args);
            command.addAll(List.of(more));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve(name + ".log").toFile());
            builder.environment().remove(VARIABLE);
            if (withKey) {
                builder.environment().put(VARIABLE, KEY);
            }
            return new Child(builder.start(), tmp.resolve(name + ".log"));
        }

        int waitFor() throws InterruptedException {
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the child did not finish");
            return process.exitValue();
        }

        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
