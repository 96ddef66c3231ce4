package dev.proctor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.chat.ChatMessage;
import dev.proctor.chat.ChatTemplate;
import dev.proctor.chat.ChatTemplateException;
import dev.proctor.lm.LmTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /v1/chat/completions} as vLLM answers it: the messages rendered by the model's chat template (with the
 * generation prompt unless {@code add_generation_prompt} is false), encoded without special tokens (the template
 * writes them), completed greedily by {@link Completions}, and answered as one assistant message. A template error
 * is a 400 naming it, as in vLLM; a model without a template refuses chat, as vLLM does since transformers 4.44.
 */
final class ChatCompletions {
    private final Completions completions;
    private final LmTokenizer tokenizer;
    private final Optional<ChatTemplate> template;
    private final int maxModelLength;

    ChatCompletions(Completions completions, LmTokenizer tokenizer, Optional<ChatTemplate> template) {
        this.completions = completions;
        this.tokenizer = tokenizer;
        this.template = template;
        this.maxModelLength = tokenizer.maxContextLength();
    }

    ObjectNode answer(JsonNode body) throws InterruptedException {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest(null, "the request body must be a JSON object");
        }
        CompletionRequest.checkGreedyAndSingle(body);
        if (body.path("logprobs").asBoolean(false)) {
            throw ApiError.badRequest("logprobs", "proctor serve gives log-probabilities on /v1/completions only");
        }
        ChatTemplate chat = template.orElseThrow(() -> ApiError.badRequest(null, "As of transformers v4.44, default"
                + " chat template is no longer allowed, so you must provide a chat template if the tokenizer does not"
                + " define one. (proctor serve --chat-template FILE)"));
        String prompt;
        try {
            prompt = chat.render(messages(body.get("messages")), body.path("add_generation_prompt").asBoolean(true));
        } catch (ChatTemplateException e) {
            throw ApiError.badRequest("messages", e.getMessage());
        }
        int[] ids = tokenizer.encode(prompt);
        int fallback = Math.max(0, maxModelLength - ids.length);
        int maxTokens = body.hasNonNull("max_completion_tokens")
                ? CompletionRequest.intField(body, "max_completion_tokens", fallback, 0)
                : CompletionRequest.intField(body, "max_tokens", fallback, 0);
        CompletionRequest request = new CompletionRequest(CompletionRequest.model(body),
                List.of(new CompletionRequest.Prompt(prompt, ids)), maxTokens, false, null, null,
                CompletionRequest.stop(body.get("stop")), false);
        ObjectNode root = completions.answer(request);
        root.put("id", root.get("id").asText().replace("cmpl-", "chatcmpl-"));
        root.put("object", "chat.completion");
        ObjectNode choice = (ObjectNode) root.get("choices").get(0);
        String text = choice.remove("text").asText();
        choice.remove("logprobs");
        ObjectNode message = Json.MAPPER.createObjectNode().put("role", "assistant").put("content", text);
        message.set("tool_calls", Json.MAPPER.createArrayNode());
        choice.set("message", message);
        choice.putNull("logprobs");
        return root;
    }

    /** Each message's role and text; content as a string or as a list of text parts (joined by newlines, as vLLM). */
    private static List<ChatMessage> messages(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiError.badRequest("messages", "messages must be a non-empty list");
        }
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : messages) {
            if (!m.path("role").isTextual()) {
                throw ApiError.badRequest("messages", "each message needs a role");
            }
            JsonNode content = m.get("content");
            String text;
            if (content != null && content.isTextual()) {
                text = content.asText();
            } else if (content != null && content.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode part : content) {
                    if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                        throw ApiError.badRequest("messages", "proctor serve takes text content parts only");
                    }
                    parts.add(part.get("text").asText());
                }
                text = String.join("\n", parts);
            } else {
                throw ApiError.badRequest("messages", "each message needs content: a string or text parts");
            }
            out.add(new ChatMessage(m.get("role").asText(), text));
        }
        return out;
    }
}
