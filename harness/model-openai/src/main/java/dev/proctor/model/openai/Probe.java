package dev.proctor.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an endpoint can do, asked before any data is read: the models it serves and their context length
 * ({@code /v1/models}), whether its completions echo prompt log-probabilities (the only way to score a
 * log-likelihood) and with which {@code max_tokens} (vLLM takes 0), and whether it completes at all.
 *
 * @param models          the model ids it lists
 * @param maxModelLength  the served model's context length, where {@code /v1/models} gives it
 * @param echoMaxTokens   the {@code max_tokens} that goes with {@code echo} (0, else 1), when echo works
 * @param noPromptLogprobs why it cannot score log-likelihoods, when it cannot
 * @param promptLogprobs  whether vLLM's {@code prompt_logprobs} works, asked only where echo gives none
 * @param noCompletions   why it cannot complete text, when it cannot
 * @param noChat          why it cannot answer chat messages, when it cannot or was not asked (only asked where it
 *                        has no completions, or the user chose chat)
 */
record Probe(List<String> models, OptionalInt maxModelLength, OptionalInt echoMaxTokens,
             Optional<String> noPromptLogprobs, boolean promptLogprobs, Optional<String> noCompletions,
             Optional<String> noChat) {
    static final String PROBE_TEXT = "Hello, world";

    static Probe of(HttpApi api, Endpoint endpoint, Optional<String> servedModel, boolean wantChat) {
        JsonNode list = api.get(endpoint, "/models");
        List<String> models = new ArrayList<>();
        list.path("data").forEach(m -> models.add(m.path("id").asText()));
        if (models.isEmpty()) {
            throw new ServerFailure(ServerFailure.Kind.MALFORMED, endpoint + "/models lists no model");
        }
        String model = servedModel.orElse(models.get(0));
        OptionalInt maxLen = OptionalInt.empty();
        for (JsonNode m : list.path("data")) {
            if (m.path("id").asText().equals(model) && m.path("max_model_len").canConvertToInt()) {
                maxLen = OptionalInt.of(m.get("max_model_len").asInt());
            }
        }
        OptionalInt echo = OptionalInt.empty();
        Optional<String> noLogprobs = Optional.empty();
        Optional<String> noCompletions = Optional.empty();
        for (int maxTokens : new int[] {0, 1}) {
            ObjectNode body = HttpApi.JSON.createObjectNode().put("model", model).put("prompt", PROBE_TEXT)
                    .put("max_tokens", maxTokens).put("echo", true).put("logprobs", 1).put("temperature", 0);
            try {
                JsonNode answer = api.post(endpoint, "/completions", body);
                JsonNode choice = answer.path("choices").path(0);
                if (!choice.path("text").isTextual()) {
                    noCompletions = Optional.of(endpoint + "/completions answers without choices[0].text");
                    break;
                }
                try {
                    EchoedTokens tokens = EchoedTokens.of(choice, endpoint.toString());
                    if (tokens.tokens().length - maxTokens < 2) {
                        noLogprobs = Optional.of(endpoint + " returns log-probabilities for generated tokens only,"
                                + " not for the echoed prompt, so it cannot score a log-likelihood (llama.cpp"
                                + " today, some vLLM and SGLang versions); lm-evaluation-harness would score such a"
                                + " server at chance without saying so");
                    } else {
                        echo = OptionalInt.of(maxTokens);
                        noLogprobs = Optional.empty();
                    }
                } catch (ServerFailure f) {
                    noLogprobs = Optional.of(endpoint + " returns no usable prompt log-probabilities for echo with"
                            + " logprobs (" + f.getMessage() + "), so it cannot score a log-likelihood");
                }
                break;
            } catch (ServerFailure f) {
                if (f.kind() != ServerFailure.Kind.REFUSED) {
                    throw f;
                }
                if (f.getMessage().contains("HTTP 404")) {
                    noCompletions = Optional.of(endpoint + " has no /v1/completions (" + f.getMessage() + ")");
                    noLogprobs = noCompletions;
                    break;
                }
                noLogprobs = Optional.of(endpoint + " refuses echo with logprobs: " + f.getMessage());
            }
        }
        Optional<String> noChat = wantChat || noCompletions.isPresent() ? chat(api, endpoint, model)
                : Optional.of("not asked: it has /v1/completions");
        boolean promptLogprobs = echo.isEmpty() && noCompletions.isEmpty() && promptLogprobs(api, endpoint, model);
        return new Probe(models, maxLen, echo, noLogprobs, promptLogprobs, noCompletions, noChat);
    }

    /** Whether {@code prompt_logprobs} returns a log-probability for every prompt token but the first. */
    private static boolean promptLogprobs(HttpApi api, Endpoint endpoint, String model) {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("model", model).put("prompt", PROBE_TEXT)
                .put("max_tokens", 1).put("prompt_logprobs", 1).put("temperature", 0);
        try {
            JsonNode entries = api.post(endpoint, "/completions", body).path("choices").path(0).path("prompt_logprobs");
            return entries.isArray() && entries.size() >= 2 && entries.get(0).isNull() && entries.get(1).isObject();
        } catch (ServerFailure f) {
            if (f.kind() != ServerFailure.Kind.REFUSED) {
                throw f;
            }
            return false;
        }
    }

    /** Whether {@code /v1/chat/completions} answers one user message with a message; why not, when it does not. */
    private static Optional<String> chat(HttpApi api, Endpoint endpoint, String model) {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("model", model).put("max_tokens", 1)
                .put("temperature", 0);
        body.putArray("messages").addObject().put("role", "user").put("content", PROBE_TEXT);
        try {
            JsonNode choice = api.post(endpoint, "/chat/completions", body).path("choices").path(0);
            return choice.path("message").path("content").isTextual() ? Optional.empty()
                    : Optional.of(endpoint + "/chat/completions answers without choices[0].message.content");
        } catch (ServerFailure f) {
            if (f.kind() != ServerFailure.Kind.REFUSED) {
                throw f;
            }
            return Optional.of(endpoint + "/chat/completions refuses a chat message: " + f.getMessage());
        }
    }
}
