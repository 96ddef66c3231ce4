package dev.proctor.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import dev.proctor.api.model.ModelSpec;
import java.util.Map;

/**
 * A causal LM saved as TorchScript, run by PyTorch: {@code forward(input_ids, attention_mask, position_ids)}, all
 * int64, returns the logits first (TorchScript outputs carry no names). The wanted rows are gathered on the device.
 */
final class TorchScriptCausalLm extends DjlCausalLm {
    static final String ENGINE = "PyTorch";

    private TorchScriptCausalLm(LoadedModel loaded) {
        super(loaded.model(), loaded.tokenizer(), loaded.info());
    }

    static TorchScriptCausalLm load(ModelSpec spec) {
        // mapLocation: load the weights straight onto the chosen device, whatever device they were saved from.
        return new TorchScriptCausalLm(LoadedModel.open(spec, "pt", ENGINE, Map.of("mapLocation", "true"), (model, files) -> { }));
    }

    @Override
    NDArray forward(NDManager scope, ZooModel<NDList, NDList> model, PaddedBatch batch) {
        Shape shape = new Shape(batch.batchSize(), batch.length());
        NDList feed = new NDList(
                scope.create(batch.inputIds(), shape),
                scope.create(batch.attentionMask(), shape),
                scope.create(batch.positionIds(), shape));
        return model.getBlock().forward(new ParameterStore(scope, false), feed, false).get(0);
    }

    /** The module takes position ids and an attention mask by its signature. */
    @Override
    boolean padsLeft() {
        return true;
    }

    @Override
    float[] rows(NDManager scope, NDArray logits, long[] rows, int vocab) {
        NDArray picked = logits.reshape(-1, vocab).get(scope.create(rows));
        return picked.toType(DataType.FLOAT32, false).toFloatArray();
    }
}
