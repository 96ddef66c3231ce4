package dev.proctor.cli.served;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.cli.CliRuns;
import dev.proctor.serve.ProctorServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One of two endpoints stops answering mid-run without closing its connections. The client's timeout is ten
 * minutes, so only sending its requests to the other endpoint lets the run finish within the two minutes allowed.
 */
class SlowEndpointTest {

    @Test
    void requestsStuckOnAStalledEndpointAreAnsweredByTheOther(@TempDir Path tmp) throws Exception {
        List<String> common = List.of("--limit", "20");
        Map<String, JsonNode> local = CliRuns.samples(tmp.resolve("local"), common, List.of());
        try (ProctorServer a = Servers.embedded(Optional.empty(), 0);
             ProctorServer b = Servers.embedded(Optional.empty(), 0);
             Proxy stuck = new Proxy(Servers.url(b), Proxy.Mode.PLAIN)) {
            Path out = tmp.resolve("served");
            CompletableFuture<CliRuns.Result> run = CompletableFuture.supplyAsync(() -> CliRuns.run(List.of("run",
                    "--limit", "20", "--no-progress", "--resamples", "100", "--out", out.toString(), "--model",
                    "openai:" + Servers.url(a) + "," + stuck.url(), "--model-arg", "timeout=600")));
            StoreCount.await(out.resolve("items.sqlite"), 20, () -> !run.isDone());
            stuck.stall();
            CliRuns.Result result = run.get(120, TimeUnit.SECONDS);
            assertEquals(0, result.exitCode(), result::toString);
            ServedModelTest.assertSame(local, CliRuns.samplesOf(out));
            JsonNode notes = CliRuns.results(out).get("notes");
            assertTrue(notes.toString().contains("sent again to another endpoint"), "the resends are recorded: "
                    + notes);
        }
    }
}
