package dev.proctor.cli.served;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.chat.ChatMessage;
import dev.proctor.chat.ChatTemplate;
import dev.proctor.cli.CliRuns;
import dev.proctor.serve.ProctorServer;
import dev.proctor.testkit.SharedFolder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat run end to end: the embedded model behind {@code proctor serve} with a ChatML template, evaluated with
 * {@code --apply-chat-template} on the bundled suite and on C-Eval. Every prompt in samples.jsonl is the template's
 * rendering (the one the server renders for its chat route), the choices are scored right after the assistant's
 * opening with no delimiter, the served run equals the same run on the local model, and the provenance holds the
 * template's origin, SHA-256 and first rendered prompt.
 */
class ChatTemplateRunTest {
    private static Path template;
    private static ProctorServer server;

    @BeforeAll
    static void start() throws Exception {
        template = chatml();
        server = Servers.embedded(Optional.empty(), 0, ChatTemplate.fromFile(template, Map.of()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bundledSuiteThroughTheChatTemplateEqualsLocal(@TempDir Path tmp) {
        List<String> options = chatOptions("--scoring", "loglik", "--format", "lm-eval", "--shots", "1",
                "--fewshot-as-multiturn");
        check(tmp, options, "", List.of());
    }

    @Test
    void cevalThroughTheChatTemplateEqualsLocal(@TempDir Path tmp) {
        Path ceval = SharedFolder.require("data/ceval/ceval-exam");
        List<String> options = chatOptions("--tasks", "ceval", "--split", "val", "--limit", "2", "--format",
                "lm-eval", "--scoring", "loglik", "--data-dir", ceval.toString());
        // token ids: a prompt longer than the model's 512 tokens is cut as the local run cuts it, not refused
        Map<String, JsonNode> served = check(tmp, options, "以下是中国关于",
                List.of("--model-arg", "tokenizer=" + Servers.tokenizerDir()));
        assertEquals(104, served.size(), "52 subjects, 2 questions each");
    }

    @Test
    void generationThroughTheChatTemplateEqualsLocal(@TempDir Path tmp) {
        check(tmp, chatOptions("--scoring", "generate", "--limit", "3"), "", List.of());
    }

    private static Map<String, JsonNode> check(Path tmp, List<String> options, String description,
                                               List<String> modelArgs) {
        Map<String, JsonNode> local = CliRuns.samples(tmp.resolve("local"), options, List.of());
        Path out = tmp.resolve("served");
        List<String> model = new ArrayList<>(List.of("--model", "openai:" + Servers.url(server)));
        model.addAll(modelArgs);
        Map<String, JsonNode> served = CliRuns.samples(out, options, model);
        // an input longer than the model's context is cut one token shorter by a server than lm-eval's local rule
        // cuts it (README, "Served models"): such items are left out of the comparison
        ServedModelTest.assertSame(untruncated(local), untruncated(served));
        ChatTemplate chat = ChatTemplate.fromFile(template, Map.of());
        for (JsonNode sample : served.values()) {
            String prompt = sample.get("prompt").asText();
            assertTrue(prompt.startsWith("<|im_start|>system\n" + description), prompt);
            assertTrue(prompt.endsWith("<|im_end|>\n<|im_start|>assistant\n"), prompt);
            for (JsonNode request : sample.get("requests")) {
                if (request.has("continuation")) {
                    assertTrue(request.get("continuation").asText().matches("[A-D]"), request.toString());
                }
            }
        }
        JsonNode first = served.values().iterator().next();
        String user = first.get("prompt").asText().split("<\\|im_start\\|>user\n")[1].split("<\\|im_end\\|>")[0];
        String system = first.get("prompt").asText().split("<\\|im_start\\|>system\n")[1].split("<\\|im_end\\|>")[0];
        if (!options.contains("--fewshot-as-multiturn")) {
            assertEquals(chat.render(List.of(new ChatMessage("system", system), new ChatMessage("user", user)), true),
                    first.get("prompt").asText(), "the server's own rendering of the same turns");
        }
        JsonNode recorded = CliRuns.results(out).at("/provenance/config/chat");
        assertEquals(chat.sha256(), recorded.get("templateSha256").asText());
        assertEquals(template.toString(), recorded.get("template").asText());
        assertTrue(served.values().stream().anyMatch(s -> s.get("prompt").asText()
                .equals(recorded.get("firstRenderedPrompt").asText())), recorded.toString());
        return served;
    }

    private static Map<String, JsonNode> untruncated(Map<String, JsonNode> samples) {
        Map<String, JsonNode> kept = new TreeMap<>(samples);
        kept.values().removeIf(s -> s.at("/facts/truncated").asBoolean());
        assertTrue(kept.size() * 10 >= samples.size() * 9, kept.size() + " of " + samples.size() + " fit the context");
        return kept;
    }

    private static List<String> chatOptions(String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of("--apply-chat-template", "--chat-template", template.toString()));
        return all;
    }

    private static Path chatml() throws URISyntaxException {
        return Path.of(ChatTemplateRunTest.class.getResource("/dev/proctor/cli/chat/chatml.jinja").toURI());
    }
}
