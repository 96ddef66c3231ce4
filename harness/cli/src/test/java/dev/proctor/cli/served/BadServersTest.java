package dev.proctor.cli.served;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.cli.CliRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Servers that answer wrongly: each kind of malformed answer is a clear error naming the endpoint and what is wrong,
 * and nothing is scored from it; a server without prompt log-probabilities is refused before any data is read.
 */
class BadServersTest {

    private static String echo(String tokens, String logprobs, String tops, String offsets) {
        return "{\"choices\":[{\"index\":0,\"text\":\"x\",\"finish_reason\":\"length\",\"logprobs\":{\"tokens\":" + tokens
                + ",\"token_logprobs\":" + logprobs + ",\"top_logprobs\":" + tops + ",\"text_offset\":" + offsets
                + "}}],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":0,\"total_tokens\":2}}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON|200|{\"choices\": [|not valid JSON",
            "a positive log-probability|200|POSITIVE|must be finite and not positive",
            "NaN|200|NAN|not a number",
            "arrays of different lengths|200|SHORT|differ in length",
            "no choices|200|{\"object\":\"text_completion\"}|expected exactly one choice",
            "a 400|400|{\"error\":{\"message\":\"bad prompt\",\"type\":\"BadRequestError\",\"code\":400}}|HTTP 400: bad prompt"})
    void aMalformedAnswerIsAnErrorAndNothingIsScored(String name, int status, String body, String expected,
                                                     @TempDir Path tmp) throws Exception {
        String answer = switch (body) {
            case "POSITIVE" -> echo("[\"a\",\"b\"]", "[null,0.5]", "[null,{\"b\":0.5}]", "[0,1]");
            case "NAN" -> echo("[\"a\",\"b\"]", "[null,\"NaN\"]", "[null,{\"b\":-1}]", "[0,1]");
            case "SHORT" -> echo("[\"a\",\"b\"]", "[null]", "[null,{\"b\":-1}]", "[0,1]");
            default -> body;
        };
        Function<JsonNode, FakeServer.Answer> server = req -> FakeServer.isProbe(req)
                ? new FakeServer.Answer(200, FakeServer.probeAnswer()) : new FakeServer.Answer(status, answer);
        try (FakeServer fake = new FakeServer(server)) {
            Path out = tmp.resolve("run");
            CliRuns.Result run = CliRuns.run(List.of("run", "--limit", "2", "--no-progress", "--out", out.toString(),
                    "--model", "openai:" + fake.url(), "--model-arg", "retries=1"));
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains(fake.url()) && run.err().contains(expected), run.err());
            assertFalse(Files.exists(out.resolve("results.json")), "nothing is reported");
            assertFalse(Files.exists(out.resolve("samples.jsonl")), "nothing is scored");
        }
    }

    @Test
    void aServerWithoutPromptLogprobsIsRefusedBeforeAnyDataIsRead(@TempDir Path tmp) throws Exception {
        // llama.cpp today: logprobs for the generated token only, however echo is set
        String generatedOnly = echo("[\" x\"]", "[-0.5]", "[{\" x\":-0.5}]", "[0]");
        try (FakeServer fake = new FakeServer(req -> new FakeServer.Answer(200, generatedOnly))) {
            Path out = tmp.resolve("run");
            CliRuns.Result run = CliRuns.run(List.of("run", "--limit", "2", "--no-progress", "--out", out.toString(),
                    "--model", "openai:" + fake.url()));
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("task synthetic needs loglikelihood") && run.err().contains(fake.url())
                    && run.err().contains("generated tokens only"), run.err());
            assertFalse(Files.exists(out.resolve("items.sqlite")), "refused before the run began");
            assertEquals(2, fake.completions.get(), "only the probes reached it (echo, then prompt_logprobs)");
        }
    }
}
