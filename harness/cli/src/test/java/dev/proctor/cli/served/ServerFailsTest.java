package dev.proctor.cli.served;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.cli.CliRuns;
import dev.proctor.serve.ProctorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only server starts answering 503 mid-run: once the retries are spent the run stops with one message naming
 * the endpoint and the status, keeping what it stored; when the server is back the same command finishes it, equal to
 * a run that never failed; and the same command once more sends no request but the probe (the store is the cache).
 */
class ServerFailsTest {

    @Test
    void spentRetriesStopTheRunAndTheSameCommandResumesIt(@TempDir Path tmp) throws Exception {
        Map<String, JsonNode> local = CliRuns.samples(tmp.resolve("local"), List.of("--limit", "10"), List.of());
        try (ProctorServer server = Servers.embedded(Optional.empty(), 0);
             Proxy proxy = new Proxy(Servers.url(server), Proxy.Mode.PLAIN)) {
            Path out = tmp.resolve("served");
            List<String> command = new ArrayList<>(List.of("run", "--limit", "10", "--no-progress", "--resamples",
                    "100", "--out", out.toString(), "--model", "openai:" + proxy.url(), "--model-arg", "retries=0",
                    "--model-arg", "concurrency=2"));
            CompletableFuture<CliRuns.Result> run = CompletableFuture.supplyAsync(() -> CliRuns.run(command));
            long stored = StoreCount.await(out.resolve("items.sqlite"), 20, () -> !run.isDone());
            proxy.fail(true);
            CliRuns.Result failed = run.get();
            assertEquals(1, failed.exitCode(), failed::toString);
            assertTrue(failed.err().contains(proxy.url()) && failed.err().contains("503")
                    && failed.err().contains("the same command resumes"), failed.err());
            assertFalse(Files.exists(out.resolve("results.json")), "nothing reported from a run that stopped");
            assertTrue(StoreCount.responses(out.resolve("items.sqlite")) >= stored, "what was answered is kept");

            proxy.fail(false);
            CliRuns.Result resumed = CliRuns.run(command);
            assertEquals(0, resumed.exitCode(), resumed::toString);
            ServedModelTest.assertSame(local, CliRuns.samplesOf(out));
            assertTrue(CliRuns.results(out).get("stats").get("reusedResponses").asLong() >= stored);

            int before = proxy.completions.get();
            CliRuns.Result again = CliRuns.run(command);
            assertEquals(0, again.exitCode(), again::toString);
            assertEquals(1, proxy.completions.get() - before, "only the probe: every response came from the store");
        }
    }
}
