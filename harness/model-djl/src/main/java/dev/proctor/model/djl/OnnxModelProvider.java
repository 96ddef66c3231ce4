package dev.proctor.model.djl;

import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.lm.CausalLmModel;
import java.util.Set;

/** {@code onnx:DIR}: a causal LM exported to ONNX, run by DJL's ONNX Runtime engine. */
public final class OnnxModelProvider implements ModelProvider {
    @Override
    public String scheme() {
        return "onnx";
    }

    @Override
    public String description() {
        return "causal LM exported to ONNX (DIR holds model.onnx, tokenizer.json, config.json), run by ONNX Runtime;"
                + " --model-arg threads (compute threads), kv-cache (on|off, for a graph with past key values)";
    }

    @Override
    public Set<String> argumentKeys() {
        return Set.of(OnnxCausalLm.THREADS, OnnxCausalLm.KV_CACHE);
    }

    @Override
    public Model load(ModelSpec spec, ModelOpener opener) {
        return new CausalLmModel(OnnxCausalLm.load(spec));
    }
}
