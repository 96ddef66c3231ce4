package dev.proctor.model.djl;

import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;

/** {@code onnx:DIR}: a causal LM exported to ONNX, run by DJL's ONNX Runtime engine. */
public final class OnnxModelProvider implements ModelProvider {
    @Override
    public String scheme() {
        return "onnx";
    }

    @Override
    public LanguageModel load(ModelSpec spec) {
        return OnnxCausalLm.load(spec);
    }
}
