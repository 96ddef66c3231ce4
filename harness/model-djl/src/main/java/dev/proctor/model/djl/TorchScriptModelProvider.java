package dev.proctor.model.djl;

import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.lm.CausalLmModel;

/** {@code torchscript:DIR}: a causal LM saved as TorchScript, run by DJL's PyTorch engine. */
public final class TorchScriptModelProvider implements ModelProvider {
    @Override
    public String scheme() {
        return "torchscript";
    }

    @Override
    public String description() {
        return "causal LM saved as TorchScript (DIR holds model.pt, tokenizer.json, config.json), run by PyTorch";
    }

    @Override
    public Model load(ModelSpec spec, ModelOpener opener) {
        return new CausalLmModel(TorchScriptCausalLm.load(spec));
    }
}
