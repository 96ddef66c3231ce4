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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that refuses echo with logprobs but gives vLLM's prompt_logprobs: with the served model's tokenizer the
 * log-likelihoods come from prompt_logprobs and equal the local ones (and the route is recorded); without it the
 * entries cannot be placed in the text, so a log-likelihood task is refused, saying what would make it work.
 */
class PromptLogprobsTest {

    @Test
    void promptLogprobsScoreWhatEchoWouldHave(@TempDir Path tmp) throws Exception {
        List<String> common = List.of("--scoring", "loglik", "--format", "lm-eval", "--shots", "2", "--limit", "6");
        Map<String, JsonNode> local = CliRuns.samples(tmp.resolve("local"), common, List.of());
        try (ProctorServer server = Servers.embedded(Optional.empty(), 0);
             Proxy noEcho = new Proxy(Servers.url(server), Proxy.Mode.NO_ECHO_LOGPROBS)) {
            Path out = tmp.resolve("served");
            Map<String, JsonNode> served = CliRuns.samples(out, common, List.of("--model", "openai:" + noEcho.url(),
                    "--model-arg", "tokenizer=" + Servers.tokenizerDir()));
            ServedModelTest.assertSame(local, served);
            String model = CliRuns.results(out).get("provenance").get("model").toString();
            assertTrue(model.contains("log-likelihoods from prompt_logprobs"), model);

            CliRuns.Result refused = CliRuns.run(List.of("run", "--scoring", "loglik", "--limit", "6",
                    "--no-progress", "--out", tmp.resolve("text").toString(), "--model", "openai:" + noEcho.url()));
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("refuses echo with logprobs") && refused.err().contains("prompt_logprobs")
                    && refused.err().contains("--model-arg tokenizer=DIR"), refused::toString);
        }
    }
}
