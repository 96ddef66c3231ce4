package dev.proctor.cli.served;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.cli.CliRuns;
import dev.proctor.serve.ProctorServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same evaluation through the local backend and through {@code proctor serve} gives the same per-item predictions
 * and log-likelihoods (within 1e-4) and the same generations, sending token ids or text; and with faults injected on
 * 20% of the requests, still the same.
 */
class ServedModelTest {
    private static ProctorServer server;
    private static ProctorServer faulty;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.embedded(Optional.empty(), 0);
        faulty = Servers.embedded(Optional.empty(), 0.2);
    }

    @AfterAll
    static void stop() {
        server.close();
        faulty.close();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"letter, token ids, official, 0", "letter, text, official, 0", "loglik, token ids, lm-eval, 3",
            "loglik, text, lm-eval, 3", "generate, token ids, official, 0", "generate, text, official, 2"})
    void servedAnswersWhatTheLocalModelAnswers(String scoring, String prompts, String format, String shots,
                                               @TempDir Path tmp) {
        List<String> common = List.of("--scoring", scoring, "--format", format, "--shots", shots, "--limit", "6");
        Map<String, JsonNode> local = CliRuns.samples(tmp.resolve("local"), common, List.of());
        List<String> model = new ArrayList<>(List.of("--model", "openai:" + Servers.url(server)));
        if (prompts.equals("token ids")) {
            model.addAll(List.of("--model-arg", "tokenizer=" + Servers.tokenizerDir()));
        }
        Map<String, JsonNode> served = CliRuns.samples(tmp.resolve("served"), common, model);
        assertSame(local, served);
    }

    @Test
    void faultsOnOneRequestInFiveChangeNothing(@TempDir Path tmp) {
        List<String> common = List.of("--limit", "8");
        Map<String, JsonNode> local = CliRuns.samples(tmp.resolve("local"), common, List.of());
        Map<String, JsonNode> served = CliRuns.samples(tmp.resolve("served"), common,
                List.of("--model", "openai:" + Servers.url(faulty), "--model-arg", "retries=4"));
        assertSame(local, served);
    }

    static void assertSame(Map<String, JsonNode> local, Map<String, JsonNode> served) {
        assertEquals(local.keySet(), served.keySet());
        for (String id : local.keySet()) {
            JsonNode a = local.get(id);
            JsonNode b = served.get(id);
            assertEquals(a.get("prediction"), b.get("prediction"), id);
            for (int r = 0; r < a.get("responses").size(); r++) {
                JsonNode ra = a.get("responses").get(r);
                JsonNode rb = b.get("responses").get(r);
                if (ra.has("logLikelihood")) {
                    assertEquals(ra.get("logLikelihood").asDouble(), rb.get("logLikelihood").asDouble(), 1e-4, id);
                    assertEquals(ra.get("greedy"), rb.get("greedy"), id);
                } else {
                    assertEquals(ra.get("text"), rb.get("text"), id);
                    assertEquals(ra.get("finish"), rb.get("finish"), id);
                }
            }
        }
        assertTrue(!local.isEmpty());
    }
}
