package dev.proctor.model.openai;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.RequestKind;
import dev.proctor.datafiles.Sha256;
import dev.proctor.model.djl.HfTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code openai:URL[,URL...]}: a model served by OpenAI-compatible servers (vLLM, SGLang, proctor serve), one or
 * many. Every endpoint is probed when the model opens, before any data is read: which model it serves, its context
 * length, and whether it returns prompt log-probabilities; a task needing what an endpoint lacks is then refused,
 * naming the endpoint.
 */
public final class OpenAiProvider implements ModelProvider {
    static final Set<String> ARGUMENTS = Set.of("served-model", "api-key-env", "tokenizer", "max-length", "concurrency",
            "timeout", "retries", "seed", "generate-via");

    @Override
    public String scheme() {
        return "openai";
    }

    @Override
    public String description() {
        return "a model behind OpenAI-compatible servers (vLLM, proctor serve): openai:URL[,URL...]; args"
                + " served-model, api-key-env (the variable holding the key), tokenizer (DIR: send token ids),"
                + " max-length, concurrency (per endpoint), timeout (s), retries, seed, generate-via (completions or chat; default"
                + " completions where the server has them)";
    }

    @Override
    public Set<String> argumentKeys() {
        return ARGUMENTS;
    }

    @Override
    public Model load(ModelSpec spec, ModelOpener opener) {
        List<Endpoint> endpoints = new ArrayList<>();
        int concurrency = spec.intArg("concurrency", 16, 1);
        for (String url : spec.location().split(",")) {
            try {
                endpoints.add(new Endpoint(Endpoint.base(url), concurrency));
            } catch (IllegalArgumentException e) {
                throw new ProctorException("--model openai:" + spec.location() + ": " + e.getMessage());
            }
        }
        Optional<String> apiKey = spec.arg("api-key-env").map(OpenAiProvider::secret);
        HttpApi api = new HttpApi(apiKey, Duration.ofSeconds(spec.intArg("timeout", 600, 1)),
                new RetryPolicy(spec.intArg("retries", 2, 0)));
        Optional<String> served = spec.arg("served-model");
        Optional<GenerateVia> via = spec.arg("generate-via").map(GenerateVia::parse);
        List<Probe> probes = new ArrayList<>();
        for (Endpoint e : endpoints) {
            Probe p = Probe.of(api, e, served, via.orElse(GenerateVia.COMPLETIONS) == GenerateVia.CHAT);
            if (served.isPresent() && !p.models().contains(served.get())) {
                throw ServedModel.noModel(served.get(), e, p.models());
            }
            probes.add(p);
        }
        String model = served.orElse(probes.get(0).models().get(0));
        for (int i = 0; i < endpoints.size(); i++) {
            if (!probes.get(i).models().contains(model)) {
                throw ServedModel.noModel(model, endpoints.get(i), probes.get(i).models());
            }
        }
        OptionalInt listed = probes.get(0).maxModelLength();
        int maxLength = spec.arg("max-length").isPresent() ? spec.intArg("max-length", 0, 1)
                : listed.orElseThrow(() -> new ProctorException(endpoints.get(0) + "/models gives no max_model_len for "
                        + model + "; give the context length with --model-arg max-length=N"));
        Optional<HfTokenizer> tokenizer = Optional.empty();
        String tokenizerSha = null;
        if (spec.arg("tokenizer").isPresent()) {
            Path dir = Path.of(spec.arg("tokenizer").get());
            Path file = Files.isDirectory(dir) ? dir.resolve("tokenizer.json") : dir;
            if (!Files.isRegularFile(file)) {
                throw new ProctorException("--model-arg tokenizer=" + dir + ": no tokenizer.json there");
            }
            tokenizer = Optional.of(HfTokenizer.open(file, maxLength));
            tokenizerSha = Sha256.of(file);
        }
        GenerateVia generateVia = via.orElse(probes.stream().allMatch(p -> p.noCompletions().isEmpty())
                ? GenerateVia.COMPLETIONS : GenerateVia.CHAT);
        boolean promptLogprobs = probes.stream().anyMatch(p -> p.echoMaxTokens().isEmpty())
                && probes.stream().allMatch(Probe::promptLogprobs) && tokenizer.isPresent();
        Protocol protocol = new Protocol(promptLogprobs,
                probes.stream().mapToInt(p -> p.echoMaxTokens().orElse(1)).max().orElse(1), generateVia,
                spec.arg("seed").map(Long::parseLong).orElse(1234L));
        Map<RequestKind<?, ?>, String> lacking = new LinkedHashMap<>();
        Set<RequestKind<?, ?>> kinds = ServedModel.capabilities(probes, protocol, lacking);
        return new ServedModel(endpoints, api, model, maxLength, tokenizer, tokenizerSha, protocol, kinds, lacking);
    }

    /** The key itself, read from the variable the user named; never echoed anywhere. */
    private static String secret(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new ProctorException("--model-arg api-key-env=" + variable + ": that environment variable is not set");
        }
        return value;
    }
}
