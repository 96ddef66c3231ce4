package dev.proctor.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.Tokenizer;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.lm.ContextEncoding;
import dev.proctor.model.djl.HfTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A model behind one or more OpenAI-compatible servers (vLLM, proctor serve). Log-likelihoods come from
 * {@code /v1/completions} with {@code echo} and {@code logprobs} (the prompt's own log-probabilities, the first
 * null); generation from the same endpoint at temperature 0 with a seed. With the served model's tokenizer
 * ({@code --model-arg tokenizer=DIR}) prompts go as token ids encoded exactly as the local path encodes them (BOS,
 * context/continuation boundary); without it they go as text and the boundary is found in {@code text_offset}, and
 * a boundary that falls inside a token is an error for that item, never a guess. Requests spread over the endpoints
 * by {@link WorkPool}; every answer is checked ({@link EchoedTokens}) before it is used.
 */
final class ServedModel implements Model {
    private final List<Endpoint> endpoints;
    private final HttpApi api;
    private final WorkPool pool;
    private final String servedModel;
    private final int maxModelLength;
    private final Optional<HfTokenizer> tokenizer;
    private final ContextEncoding encoding;
    private final Protocol protocol;
    private final Set<RequestKind<?, ?>> capabilities;
    private final Map<RequestKind<?, ?>, String> lacking;
    private final ModelInfo info;
    private final String endpointList;
    private boolean noted;

    ServedModel(List<Endpoint> endpoints, HttpApi api, String servedModel, int maxModelLength,
                Optional<HfTokenizer> tokenizer, String tokenizerSha256, Protocol protocol,
                Set<RequestKind<?, ?>> capabilities, Map<RequestKind<?, ?>, String> lacking) {
        this.endpoints = List.copyOf(endpoints);
        this.api = api;
        this.pool = new WorkPool(endpoints);
        this.servedModel = servedModel;
        this.maxModelLength = maxModelLength;
        this.tokenizer = tokenizer;
        this.encoding = tokenizer.map(ContextEncoding::new).orElse(null);
        this.protocol = protocol;
        this.capabilities = Set.copyOf(capabilities);
        this.lacking = Map.copyOf(lacking);
        this.endpointList = String.join(", ", endpoints.stream().map(Endpoint::toString).toList());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("servedModel", servedModel);
        identity.put("maxModelLength", maxModelLength);
        identity.put("prompts", tokenizer.isPresent() ? "token ids" : "text, split at text_offset");
        if (tokenizer.isPresent()) {
            identity.put("tokenizerSha256", tokenizerSha256);
            identity.put("bosAdded", tokenizer.get().addedBos().map(b -> b.text()).orElse("none"));
        }
        identity.put("requests", protocol.describe());
        identity.put("seed", protocol.seed());
        this.info = new ModelInfo(servedModel, "served causal LM", "OpenAI-compatible /v1/completions"
                + (tokenizer.isPresent() ? ", token ids" : ", text")
                + (protocol.generateVia() == GenerateVia.CHAT ? "; generation by /v1/chat/completions" : ""), "remote",
                identity);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Set<RequestKind<?, ?>> capabilities() {
        return capabilities;
    }

    @Override
    public Optional<String> whyNot(RequestKind<?, ?> kind) {
        return Optional.ofNullable(lacking.get(kind));
    }

    @Override
    public Optional<Tokenizer> tokenizer() {
        return tokenizer.map(t -> t);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests,
                                                            Execution<A> execution) {
        if (!noted) {
            execution.note("endpoints " + servedModel, endpointList);
            noted = true;
        }
        if (kind == RequestKind.LOGLIKELIHOOD) {
            serve((List<LoglikelihoodRequest>) requests, this::loglikelihood, (Execution<Loglikelihood>) execution);
        } else if (kind == RequestKind.GENERATE) {
            serve((List<GenerateRequest>) requests, this::generate, (Execution<Generation>) execution);
        } else {
            throw new IllegalArgumentException(servedModel + " does not serve " + kind.id());
        }
        if (pool.hedged() > 0) {
            execution.note("requests sent again to another endpoint " + servedModel, pool.hedged()
                    + " (the first endpoint was slow to answer; the first answer was kept)");
        }
    }

    /** Every request through the work pool, each timed, the answers stored as they come. */
    private <Q, A extends Response> void serve(List<Q> requests, BiFunction<Endpoint, Q, A> call,
                                               Execution<A> execution) {
        List<WorkPool.Task<Timed<A>>> tasks = new ArrayList<>();
        for (Q r : requests) {
            tasks.add(e -> Timed.of(() -> call.apply(e, r)));
        }
        pool.run(tasks, (indices, values) -> report(execution, indices, values));
    }

    /** A response and how long its request took (retries included), for the run's statistics. */
    private record Timed<T>(T value, long nanos) {
        static <T> Timed<T> of(Supplier<T> call) {
            long t0 = System.nanoTime();
            T value = call.get();
            return new Timed<>(value, System.nanoTime() - t0);
        }
    }

    /** On the run's thread: each request counted as one model call, then the responses stored. */
    private static <A extends Response> void report(Execution<A> execution, int[] indices, List<Timed<A>> values) {
        for (Timed<A> t : values) {
            execution.recordBatch(new BatchStats(1, 0, 0, t.nanos()));
        }
        execution.completed(indices, values.stream().map(Timed::value).toList());
    }

    private ObjectNode payload() {
        return HttpApi.JSON.createObjectNode().put("model", servedModel).put("temperature", 0)
                .put("seed", protocol.seed());
    }

    private Loglikelihood loglikelihood(Endpoint endpoint, LoglikelihoodRequest r) {
        ObjectNode body = protocol.promptLogprobs() ? payload().put("max_tokens", 1).put("prompt_logprobs", 1)
                : payload().put("max_tokens", protocol.echoMaxTokens()).put("echo", true).put("logprobs", 1);
        int contextLength;
        int sent;
        boolean truncated = false;
        int[] ids = null;
        if (encoding != null) {
            ContextEncoding.TokenPair pair = encoding.pair(r.context(), r.continuation());
            int[] continuation = ContextEncoding.nonEmpty(pair.continuation(), r.continuation());
            ids = Arrays.copyOf(pair.context(), pair.context().length + continuation.length);
            System.arraycopy(continuation, 0, ids, pair.context().length, continuation.length);
            int cut = Math.max(0, ids.length - maxModelLength);
            contextLength = pair.context().length - cut;
            if (contextLength < 1) {
                throw new ServerFailure(ServerFailure.Kind.REFUSED, "continuation '" + r.continuation() + "' alone"
                        + " is longer than the served model's " + maxModelLength + " tokens");
            }
            truncated = cut > 0;
            ids = Arrays.copyOfRange(ids, cut, ids.length);
            ArrayNode prompt = body.putArray("prompt");
            for (int id : ids) {
                prompt.add(id);
            }
            sent = ids.length;
        } else {
            body.put("prompt", r.context() + r.continuation());
            contextLength = -1;
            sent = -1;
        }
        JsonNode choice = firstChoice(api.post(endpoint, "/completions", body), endpoint);
        EchoedTokens echoed = protocol.promptLogprobs() ? EchoedTokens.ofPromptLogprobs(choice, ids, endpoint.toString())
                : EchoedTokens.of(choice, endpoint.toString());
        int count = protocol.promptLogprobs() ? ids.length : echoed.tokens().length - protocol.echoMaxTokens();
        if (sent >= 0 && count != sent) {
            throw EchoedTokens.malformed(endpoint.toString(), "it echoed " + count + " prompt tokens for the " + sent
                    + " sent");
        }
        if (contextLength < 0) {
            contextLength = boundary(echoed, r, endpoint);
        }
        int last = r.firstTokenOnly() ? contextLength + 1 : count;
        double ll = 0;
        boolean greedy = true;
        for (int t = contextLength; t < last; t++) {
            ll += echoed.logprobs()[t];
            greedy &= echoed.logprobs()[t] == echoed.topMax()[t];
        }
        return new Loglikelihood(ll, last - contextLength, greedy, truncated);
    }

    /**
     * Text mode: the index of the first continuation token, from {@code text_offset}. lm-eval moves the context's
     * trailing whitespace onto the continuation, so the boundary is where the stripped context ends.
     */
    private static int boundary(EchoedTokens echoed, LoglikelihoodRequest r, Endpoint endpoint) {
        String text = r.context() + r.continuation();
        String context = r.context().stripTrailing();
        if (context.isEmpty()) {
            throw new ServerFailure(ServerFailure.Kind.REFUSED, "an empty context cannot be scored from text: give the"
                    + " served model's tokenizer with --model-arg tokenizer=DIR");
        }
        String joined = String.join("", echoed.tokens());
        if (!joined.endsWith(text)) {
            throw EchoedTokens.malformed(endpoint.toString(), "its echoed tokens do not spell the prompt (vLLM #5334)");
        }
        int shift = joined.codePointCount(0, joined.length()) - text.codePointCount(0, text.length());
        int at = shift + context.codePointCount(0, context.length());
        for (int i = 1; i < echoed.offsets().length; i++) {
            if (echoed.offsets()[i] == at) {
                return i;
            }
        }
        throw new ServerFailure(ServerFailure.Kind.REFUSED, "the continuation '" + r.continuation() + "' does not begin"
                + " at a token boundary of " + endpoint + "'s tokenization, so its log-likelihood cannot be read"
                + " exactly from text; give the served model's tokenizer with --model-arg tokenizer=DIR");
    }

    private Generation generate(Endpoint endpoint, GenerateRequest r) {
        ObjectNode body = payload().put("max_tokens", r.maxNewTokens());
        ArrayNode stop = body.putArray("stop");
        r.stop().forEach(stop::add);
        boolean truncated = false;
        if (protocol.generateVia() == GenerateVia.CHAT) {
            body.putArray("messages").addObject().put("role", "user").put("content", r.context());
        } else if (encoding != null) {
            int[] context = encoding.generationContext(r.context());
            int room = maxModelLength - r.maxNewTokens();
            if (room < 1) {
                throw new ServerFailure(ServerFailure.Kind.REFUSED, "a generation of " + r.maxNewTokens() + " tokens"
                        + " leaves no room in the served model's " + maxModelLength + " tokens");
            }
            int cut = Math.max(0, context.length - room);
            truncated = cut > 0;
            ArrayNode prompt = body.putArray("prompt");
            for (int i = cut; i < context.length; i++) {
                prompt.add(context[i]);
            }
        } else {
            body.put("prompt", r.context());
        }
        JsonNode answer = api.post(endpoint, protocol.generateVia().path(), body);
        JsonNode choice = firstChoice(answer, endpoint);
        JsonNode text = protocol.generateVia() == GenerateVia.CHAT ? choice.path("message").get("content") : choice.get("text");
        if (text == null || !text.isTextual()) {
            throw EchoedTokens.malformed(endpoint.toString(), (protocol.generateVia() == GenerateVia.CHAT
                    ? "choices[0].message.content" : "choices[0].text") + " is missing");
        }
        String finish = choice.path("finish_reason").asText("");
        Generation.Finish reason = switch (finish) {
            case "length" -> Generation.Finish.LENGTH;
            case "stop" -> choice.path("stop_reason").isTextual() ? Generation.Finish.STOP : Generation.Finish.END_OF_TEXT;
            default -> throw EchoedTokens.malformed(endpoint.toString(), "finish_reason '" + finish + "' is neither"
                    + " stop nor length");
        };
        int tokens = answer.path("usage").path("completion_tokens").asInt(-1);
        if (tokens < 0) {
            throw EchoedTokens.malformed(endpoint.toString(), "usage.completion_tokens is missing");
        }
        return new Generation(text.asText(), reason, tokens, truncated);
    }

    private static JsonNode firstChoice(JsonNode answer, Endpoint endpoint) {
        JsonNode choices = answer.get("choices");
        if (choices == null || !choices.isArray() || choices.size() != 1 || !choices.get(0).isObject()) {
            throw EchoedTokens.malformed(endpoint.toString(), "expected exactly one choice");
        }
        return choices.get(0);
    }

    @Override
    public void close() {
        pool.close();
        tokenizer.ifPresent(HfTokenizer::close);
    }

    /** The kinds every endpoint can serve under the protocol, and why any is missing. */
    static Set<RequestKind<?, ?>> capabilities(List<Probe> probes, Protocol protocol,
                                               Map<RequestKind<?, ?>, String> lacking) {
        Set<RequestKind<?, ?>> kinds = new LinkedHashSet<>(List.of(RequestKind.LOGLIKELIHOOD, RequestKind.GENERATE));
        for (Probe p : probes) {
            if (p.echoMaxTokens().isEmpty() && !protocol.promptLogprobs()) {
                kinds.remove(RequestKind.LOGLIKELIHOOD);
                lacking.putIfAbsent(RequestKind.LOGLIKELIHOOD, p.noPromptLogprobs().orElse("no echo")
                        + (p.promptLogprobs() ? "; it does give vLLM's prompt_logprobs, which Proctor reads given the"
                        + " served model's tokenizer (--model-arg tokenizer=DIR)" : ""));
            }
            (protocol.generateVia() == GenerateVia.CHAT ? p.noChat() : p.noCompletions()).ifPresent(w -> {
                kinds.remove(RequestKind.GENERATE);
                lacking.putIfAbsent(RequestKind.GENERATE, w);
            });
        }
        return kinds;
    }

    static ProctorException noModel(String model, Endpoint endpoint, List<String> listed) {
        return new ProctorException(endpoint + " does not serve model '" + model + "'; it lists " + listed
                + " (--model-arg served-model=NAME)");
    }
}
