package dev.proctor.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.request.Generation;
import dev.proctor.lm.ContextEncoding;
import dev.proctor.lm.LmTokenizer;
import dev.proctor.lm.TargetScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code /v1/completions} in vLLM's shapes: prompts encoded (text with the tokenizer's default special tokens unless
 * {@code add_special_tokens} is false), run through the {@link Engine}, answered with {@code text}, {@code logprobs}
 * ({@code tokens}, {@code token_logprobs} with null for the first prompt token, {@code top_logprobs} keyed by token
 * text, {@code text_offset} in code points), vLLM's {@code prompt_logprobs}, finish and stop reasons, and usage.
 */
final class Completions {
    /** vLLM clamps -inf log-probabilities to this. */
    static final double FLOOR = -9999.0;

    private final Engine engine;
    private final LmTokenizer tokenizer;
    private final ContextEncoding encoding;
    private final String modelName;
    private final int maxModelLength;

    Completions(Engine engine, LmTokenizer tokenizer, String modelName) {
        this.engine = engine;
        this.tokenizer = tokenizer;
        this.encoding = new ContextEncoding(tokenizer);
        this.modelName = modelName;
        this.maxModelLength = tokenizer.maxContextLength();
    }

    ObjectNode answer(CompletionRequest request) throws InterruptedException {
        if (request.model() != null && !request.model().equals(modelName)) {
            throw new ApiError(404, "NotFoundError", "model", "The model `" + request.model() + "` does not exist.");
        }
        boolean wantLogprobs = request.logprobs() != null || request.promptLogprobs() != null;
        int topK = Math.max(request.logprobs() == null ? 0 : request.logprobs(),
                request.promptLogprobs() == null ? 0 : request.promptLogprobs());
        boolean scorePrompt = request.promptLogprobs() != null || request.echo() && request.logprobs() != null;
        List<int[]> ids = new ArrayList<>();
        List<CompletableFuture<Engine.Result>> futures = new ArrayList<>();
        for (CompletionRequest.Prompt p : request.prompts()) {
            int[] tokens = p.ids() != null ? p.ids()
                    : request.addSpecialTokens() ? encoding.encodeDefault(p.text()) : tokenizer.encode(p.text());
            if (tokens.length == 0) {
                throw ApiError.badRequest("prompt", "the prompt is empty");
            }
            if (tokens.length + request.maxTokens() > maxModelLength) {
                throw ApiError.badRequest(null, "This model's maximum context length is " + maxModelLength
                        + " tokens. However, you requested " + (tokens.length + request.maxTokens()) + " tokens ("
                        + tokens.length + " in the messages, " + request.maxTokens() + " in the completion).");
            }
            ids.add(tokens);
            futures.add(engine.submit(new Engine.Job(tokens, request.maxTokens(), request.stop(),
                    wantLogprobs ? topK : -1, scorePrompt)));
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", "cmpl-" + UUID.randomUUID().toString().replace("-", ""));
        root.put("object", "text_completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", modelName);
        ArrayNode choices = root.putArray("choices");
        long promptTokens = 0;
        long completionTokens = 0;
        for (int i = 0; i < futures.size(); i++) {
            Engine.Result result = get(futures.get(i));
            CompletionRequest.Prompt prompt = request.prompts().get(i);
            int[] promptIds = ids.get(i);
            promptTokens += promptIds.length;
            completionTokens += result.generated().tokens().length;
            choices.add(choice(i, request, prompt, promptIds, result));
        }
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return root;
    }

    private ObjectNode choice(int index, CompletionRequest request, CompletionRequest.Prompt prompt, int[] promptIds,
                              Engine.Result result) {
        ObjectNode choice = Json.MAPPER.createObjectNode();
        choice.put("index", index);
        String promptText = prompt.text() != null ? prompt.text() : tokenizer.decode(promptIds);
        choice.put("text", (request.echo() ? promptText : "") + result.generated().text());
        int[] all = Engine.concat(promptIds, result.generated().tokens());
        String[] strings = TokenStrings.of(tokenizer, all);
        if (request.logprobs() != null) {
            choice.set("logprobs", logprobs(request, promptIds.length, all, strings, result));
        } else {
            choice.putNull("logprobs");
        }
        Generation.Finish finish = result.generated().finish();
        choice.put("finish_reason", finish == Generation.Finish.LENGTH ? "length" : "stop");
        String stopString = finish == Generation.Finish.STOP ? matchedStop(request, result) : null;
        if (stopString == null) {
            choice.putNull("stop_reason");
        } else {
            choice.put("stop_reason", stopString);
        }
        if (request.promptLogprobs() != null) {
            choice.set("prompt_logprobs", promptLogprobs(request.promptLogprobs(), promptIds, result));
        }
        return choice;
    }

    private ObjectNode logprobs(CompletionRequest request, int promptLength, int[] all, String[] strings,
                                Engine.Result result) {
        int from = request.echo() ? 0 : promptLength;
        ObjectNode node = Json.MAPPER.createObjectNode();
        ArrayNode tokens = node.putArray("tokens");
        ArrayNode tokenLogprobs = node.putArray("token_logprobs");
        ArrayNode top = node.putArray("top_logprobs");
        ArrayNode offsets = node.putArray("text_offset");
        int offset = 0;
        for (int t = from; t < all.length; t++) {
            tokens.add(strings[t]);
            offsets.add(offset);
            offset += TokenStrings.length(strings[t]);
            int j = t - result.firstScored();
            if (j < 0) { // the first prompt token: nothing precedes it
                tokenLogprobs.addNull();
                top.addNull();
                continue;
            }
            TargetScores s = result.scores();
            tokenLogprobs.add(clamp(s.logProbs()[j]));
            Map<String, Double> alternatives = new LinkedHashMap<>();
            alternatives.put(strings[t], clamp(s.logProbs()[j]));
            for (int a = 0; a < Math.min(request.logprobs(), s.topIds()[j].length); a++) {
                alternatives.put(tokenizer.decode(new int[] {s.topIds()[j][a]}), clamp(s.topLogProbs()[j][a]));
            }
            ObjectNode dict = top.addObject();
            alternatives.forEach(dict::put);
        }
        return node;
    }

    private ArrayNode promptLogprobs(int k, int[] promptIds, Engine.Result result) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        out.addNull();
        TargetScores s = result.scores();
        for (int t = 1; t < promptIds.length; t++) {
            int j = t - result.firstScored();
            ObjectNode entry = out.addObject();
            ObjectNode actual = entry.putObject(Integer.toString(promptIds[t]));
            actual.put("logprob", clamp(s.logProbs()[j]));
            actual.put("rank", s.ranks()[j]);
            actual.put("decoded_token", tokenizer.decode(new int[] {promptIds[t]}));
            for (int a = 0; a < Math.min(k, s.topIds()[j].length); a++) {
                int id = s.topIds()[j][a];
                if (id != promptIds[t]) {
                    ObjectNode alt = entry.putObject(Integer.toString(id));
                    alt.put("logprob", clamp(s.topLogProbs()[j][a]));
                    alt.put("rank", a + 1);
                    alt.put("decoded_token", tokenizer.decode(new int[] {id}));
                }
            }
        }
        return out;
    }

    /** The stop string that ended a completion: the one found earliest in the generated text. */
    private String matchedStop(CompletionRequest request, Engine.Result result) {
        String full = tokenizer.decode(result.generated().tokens());
        String best = null;
        int at = Integer.MAX_VALUE;
        for (String stop : request.stop()) {
            int i = full.indexOf(stop);
            if (i >= 0 && i < at) {
                at = i;
                best = stop;
            }
        }
        return best;
    }

    private static double clamp(double logprob) {
        return Double.isFinite(logprob) ? logprob : FLOOR;
    }

    private static Engine.Result get(CompletableFuture<Engine.Result> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new ApiError(500, "InternalServerError", null, "the model failed: " + e.getCause().getMessage());
        }
    }
}
