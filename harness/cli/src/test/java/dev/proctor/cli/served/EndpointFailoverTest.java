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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two endpoints share the work; one dies mid-run; the other finishes it, with the same results. */
class EndpointFailoverTest {

    @Test
    void twoEndpointsOneDiesMidRunStillFinish(@TempDir Path tmp) throws Exception {
        List<String> common = List.of("--limit", "10");
        Map<String, JsonNode> local = CliRuns.samples(tmp.resolve("local"), common, List.of());
        try (ProctorServer a = Servers.embedded(Optional.empty(), 0);
             ProctorServer b = Servers.embedded(Optional.empty(), 0)) {
            Path out = tmp.resolve("served");
            CompletableFuture<CliRuns.Result> run = CompletableFuture.supplyAsync(() -> CliRuns.run(List.of("run",
                    "--limit", "10", "--no-progress", "--resamples", "100", "--out", out.toString(), "--model",
                    "openai:" + Servers.url(a) + "," + Servers.url(b))));
            StoreCount.await(out.resolve("items.sqlite"), 40, () -> !run.isDone());
            b.close(); // mid-run: its in-flight requests fail and go to the other endpoint
            CliRuns.Result result = run.get();
            assertEquals(0, result.exitCode(), result::toString);
            ServedModelTest.assertSame(local, dev.proctor.cli.CliRuns.samplesOf(out));
            JsonNode notes = CliRuns.results(out).get("notes");
            assertTrue(notes.toString().contains(Servers.url(b)), "the endpoints are recorded: " + notes);
        }
    }
}
