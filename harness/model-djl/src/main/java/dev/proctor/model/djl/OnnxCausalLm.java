package dev.proctor.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelSpec;
import java.util.List;
import java.util.Map;

/**
 * A causal LM exported to ONNX, run by ONNX Runtime. It feeds exactly the inputs the graph declares, by name and
 * in the graph's order, out of {@code input_ids}, {@code attention_mask} and {@code position_ids} (all int64); a
 * graph that declares anything else (a KV cache, {@code token_type_ids}) is refused when it loads. The logits are
 * the output named {@code logits}, else the first output.
 */
final class OnnxCausalLm extends DjlCausalLm {
    static final String ENGINE = "OnnxRuntime";
    static final List<String> FED_INPUTS = List.of("input_ids", "attention_mask", "position_ids");

    private final List<String> inputs;

    private OnnxCausalLm(LoadedModel loaded, List<String> inputs) {
        super(loaded.model(), loaded.tokenizer(), loaded.info());
        this.inputs = inputs;
    }

    /** The {@code --model-arg} that caps ONNX Runtime's compute threads (intra-op; inter-op is then 1). */
    static final String THREADS = "threads";

    static OnnxCausalLm load(ModelSpec spec) {
        Map<String, String> options = spec.arg(THREADS).isPresent()
                ? Map.of("intraOpNumThreads", String.valueOf(spec.intArg(THREADS, 0, 1)), "interOpNumThreads", "1")
                : Map.of();
        LoadedModel loaded = LoadedModel.open(spec, "onnx", ENGINE, options, OnnxCausalLm::checkedInputs);
        return new OnnxCausalLm(loaded, loaded.model().getBlock().describeInput().keys());
    }

    /** Refuses a graph declaring inputs Proctor cannot feed ({@code OrtSymbolBlock.describeInput()}, in its order). */
    private static void checkedInputs(ZooModel<NDList, NDList> model, ModelDirectory files) {
        List<String> declared = model.getBlock().describeInput().keys();
        List<String> unknown = declared.stream().filter(name -> !FED_INPUTS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new ProctorException(files.modelFile().toAbsolutePath() + " declares input(s) " + unknown
                    + " that Proctor cannot feed: Proctor feeds only " + String.join("/", FED_INPUTS) + " (int64);"
                    + " a graph exported without KV cache (use_cache=False, no past_key_values) is needed. Declared inputs: "
                    + declared);
        }
        if (!declared.contains("input_ids")) {
            throw new ProctorException(files.modelFile().toAbsolutePath() + " declares no input_ids input"
                    + " (declared: " + declared + "); Proctor feeds input_ids, and optionally attention_mask and position_ids");
        }
    }

    @Override
    NDArray forward(NDManager scope, ZooModel<NDList, NDList> model, PaddedBatch batch) {
        Shape shape = new Shape(batch.batchSize(), batch.length());
        NDList feed = new NDList(inputs.size());
        for (String name : inputs) {
            long[] data = switch (name) {
                case "input_ids" -> batch.inputIds();
                case "attention_mask" -> batch.attentionMask();
                case "position_ids" -> batch.positionIds();
                default -> throw new IllegalStateException("unchecked input " + name);
            };
            NDArray array = scope.create(data, shape);
            array.setName(name);
            feed.add(array);
        }
        NDList out = model.getBlock().forward(new ParameterStore(scope, false), feed, false);
        return out.stream().filter(a -> "logits".equals(a.getName())).findFirst().orElse(out.get(0));
    }

    @Override
    boolean padsLeft() {
        return inputs.contains("attention_mask") && inputs.contains("position_ids");
    }

    @Override
    float[] rows(NDManager scope, NDArray logits, long[] rows, int vocab) {
        return OrtRows.read(logits, rows, vocab);
    }
}
