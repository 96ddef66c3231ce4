package dev.proctor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code /v1/completions} request as vLLM reads it, validated: one choice per prompt (a string, token ids, or a
 * list of either); greedy decoding only (a temperature above 0 is refused rather than ignored).
 *
 * @param model          the model asked for, or null
 * @param prompts        each prompt, as text or as token ids
 * @param maxTokens      new tokens at most (vLLM's default 16; 0 with {@code echo} returns the prompt only)
 * @param echo           return the prompt (and its log-probabilities) before the completion
 * @param logprobs       alternatives per position in {@code logprobs}, or null for no log-probabilities
 * @param promptLogprobs vLLM's {@code prompt_logprobs}: alternatives per prompt position, or null
 * @param stop           strings that end a completion
 * @param addSpecialTokens encode text prompts with the tokenizer's default special tokens (vLLM's default: true)
 */
record CompletionRequest(String model, List<Prompt> prompts, int maxTokens, boolean echo, Integer logprobs,
                         Integer promptLogprobs, List<String> stop, boolean addSpecialTokens) {
    /** vLLM's default {@code max_logprobs}. */
    static final int MAX_LOGPROBS = 20;

    /** One prompt: its text when it came as text, and its token ids once encoded. */
    record Prompt(String text, int[] ids) {
    }

    /** Fields of the request, parsed and checked; text prompts are left for the engine's tokenizer. */
    static CompletionRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest(null, "the request body must be a JSON object");
        }
        checkGreedyAndSingle(body);
        if (body.hasNonNull("suffix")) {
            throw ApiError.badRequest("suffix", "suffix is not currently supported");
        }
        int maxTokens = intField(body, "max_tokens", 16, 0);
        Integer logprobs = optionalInt(body, "logprobs", MAX_LOGPROBS);
        Integer promptLogprobs = optionalInt(body, "prompt_logprobs", MAX_LOGPROBS);
        return new CompletionRequest(model(body), prompts(body.get("prompt")),
                maxTokens, body.path("echo").asBoolean(false), logprobs, promptLogprobs, stop(body.get("stop")),
                body.path("add_special_tokens").asBoolean(true));
    }

    /** The model asked for, or null when the request names none. */
    static String model(JsonNode body) {
        JsonNode model = body.get("model");
        return model == null || model.isNull() ? null : model.asText();
    }

    /** What proctor serve refuses rather than ignores, on either endpoint: streaming, several choices, sampling. */
    static void checkGreedyAndSingle(JsonNode body) {
        if (body.path("stream").asBoolean(false)) {
            throw ApiError.badRequest("stream", "streaming is not supported by proctor serve; send stream: false");
        }
        if (body.has("n") && body.get("n").asInt(-1) != 1) {
            throw ApiError.badRequest("n", "proctor serve returns one completion per prompt; n must be 1");
        }
        JsonNode temperature = body.get("temperature");
        if (temperature != null && !temperature.isNull() && (!temperature.isNumber() || temperature.asDouble() != 0)) {
            throw ApiError.badRequest("temperature", "proctor serve decodes greedily; send temperature 0 (got "
                    + temperature + ")");
        }
    }

    private static List<Prompt> prompts(JsonNode prompt) {
        if (prompt == null || prompt.isNull()) {
            throw ApiError.badRequest("prompt", "prompt is required");
        }
        List<Prompt> out = new ArrayList<>();
        if (prompt.isTextual()) {
            out.add(new Prompt(prompt.asText(), null));
        } else if (prompt.isArray() && !prompt.isEmpty() && prompt.get(0).isIntegralNumber()) {
            out.add(new Prompt(null, ids(prompt)));
        } else if (prompt.isArray() && !prompt.isEmpty()) {
            for (JsonNode p : prompt) {
                if (p.isTextual()) {
                    out.add(new Prompt(p.asText(), null));
                } else if (p.isArray()) {
                    out.add(new Prompt(null, ids(p)));
                } else {
                    throw ApiError.badRequest("prompt", "each prompt must be a string or a list of token ids");
                }
            }
        } else {
            throw ApiError.badRequest("prompt", "prompt must be a string, token ids, or a non-empty list of them");
        }
        return out;
    }

    private static int[] ids(JsonNode array) {
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > Integer.MAX_VALUE) {
                throw ApiError.badRequest("prompt", "token ids must be non-negative integers; position " + i
                        + " holds " + v);
            }
            ids[i] = v.asInt();
        }
        return ids;
    }

    static List<String> stop(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        if (stop.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode s : stop) {
                if (!s.isTextual()) {
                    throw ApiError.badRequest("stop", "stop must be a string or a list of strings");
                }
                out.add(s.asText());
            }
            return out;
        }
        throw ApiError.badRequest("stop", "stop must be a string or a list of strings");
    }

    static int intField(JsonNode body, String name, int fallback, int min) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > Integer.MAX_VALUE) {
            throw ApiError.badRequest(name, name + " must be an integer of at least " + min + ", got " + v);
        }
        return v.asInt();
    }

    private static Integer optionalInt(JsonNode body, String name, int max) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > max) {
            throw ApiError.badRequest(name, name + " must be an integer from 0 to " + max + ", got " + v);
        }
        return v.asInt();
    }
}
