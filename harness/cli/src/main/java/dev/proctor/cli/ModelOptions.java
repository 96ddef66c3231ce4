package dev.proctor.cli;

import dev.proctor.api.model.ModelSpec;
import dev.proctor.embedded.EmbeddedModels;
import picocli.CommandLine.Option;

/** Which model to run and where. */
final class ModelOptions {
    static final String EMBEDDED = "embedded";

    @Option(names = "--model", paramLabel = "SCHEME:PATH", defaultValue = EMBEDDED + ":" + EmbeddedModels.DEFAULT,
            description = "onnx:DIR, torchscript:DIR, or embedded:NAME (a model shipped with Proctor, run with ONNX Runtime;"
                    + " see 'proctor models'). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or gpu:N. Default: ${DEFAULT-VALUE}.")
    String device;

    /** Resolves {@code embedded:NAME} to the ONNX export of a bundled model, copied out of the jar once. */
    ModelSpec spec() {
        ModelSpec spec = ModelSpec.parse(model, device);
        if (spec.scheme().equals(EMBEDDED)) {
            return new ModelSpec("onnx", EmbeddedModels.materialize(spec.location().toString()), spec.device());
        }
        return spec;
    }
}
