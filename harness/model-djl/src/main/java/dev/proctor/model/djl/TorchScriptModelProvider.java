package dev.proctor.model.djl;

import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;

/** {@code torchscript:DIR}: a causal LM saved as TorchScript, run by DJL's PyTorch engine. */
public final class TorchScriptModelProvider implements ModelProvider {
    @Override
    public String scheme() {
        return "torchscript";
    }

    @Override
    public LanguageModel load(ModelSpec spec) {
        return TorchScriptCausalLm.load(spec);
    }
}
