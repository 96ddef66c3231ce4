package dev.proctor.cli;

import dev.proctor.api.model.ModelSpec;
import dev.proctor.embedded.EmbeddedModels;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which model to run, where, with which backend options. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "SCHEME[:LOCATION]", defaultValue = "embedded:" + EmbeddedModels.DEFAULT,
            description = "onnx:DIR, torchscript:DIR (causal LMs), embedded:NAME (a model shipped with Proctor),"
                    + " onnx-encoder:DIR, torchscript-encoder:DIR (sentence encoders), bm25, hybrid-rrf:A+B,"
                    + " hybrid-interp:A+B; see 'proctor models'. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or gpu:N. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--model-arg", paramLabel = "KEY=VALUE",
            description = "A backend option (bm25: k1, b, analyzer; encoders: pooling, query-prefix, batching, search;"
                    + " hybrids: rrf-k, alpha). Repeatable.")
    Map<String, String> modelArgs = new LinkedHashMap<>();

    ModelSpec spec() {
        return ModelSpec.parse(model, device, modelArgs);
    }
}
