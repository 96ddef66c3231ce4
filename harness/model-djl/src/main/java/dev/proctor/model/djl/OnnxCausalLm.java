package dev.proctor.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.lm.KvCache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A causal LM exported to ONNX, run by ONNX Runtime. It feeds exactly the inputs the graph declares, by name, out of
 * {@code input_ids}, {@code attention_mask} and {@code position_ids} (all int64) and, for a graph exported with past
 * key values ({@link PastLayout}), the past; a graph that declares anything else ({@code token_type_ids}) or an
 * incomplete cache is refused when it loads. The logits are the output named {@code logits}, else the first output.
 * A graph with past key values runs with its KV cache ({@link OnnxKvCache}) unless {@code --model-arg kv-cache=off},
 * which feeds it an empty past on every pass, as a graph without one.
 */
final class OnnxCausalLm extends DjlCausalLm {
    static final String ENGINE = "OnnxRuntime";
    static final List<String> FED_INPUTS = List.of("input_ids", "attention_mask", "position_ids");
    /** The {@code --model-arg} that caps ONNX Runtime's compute threads (intra-op; inter-op is then 1). */
    static final String THREADS = "threads";
    /** The {@code --model-arg} that turns a past-taking graph's KV cache {@code on} (the default) or {@code off}. */
    static final String KV_CACHE = "kv-cache";

    private final List<String> inputs;
    private final PastLayout past; // null: the graph takes no past
    private final OnnxKvCache cache; // null: no past, or kv-cache=off

    private OnnxCausalLm(LoadedModel loaded, ModelInfo info, List<String> inputs, PastLayout past, boolean cacheOn) {
        super(loaded.model(), loaded.tokenizer(), info);
        this.inputs = inputs;
        this.past = past;
        this.cache = past != null && cacheOn ? new OnnxKvCache(this, past) : null;
    }

    static OnnxCausalLm load(ModelSpec spec) {
        boolean cacheOn = switch (spec.arg(KV_CACHE).orElse("on")) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ProctorException("--model-arg " + KV_CACHE + "=" + spec.arg(KV_CACHE).get()
                    + ": expected on or off");
        };
        Map<String, String> options = spec.arg(THREADS).isPresent()
                ? Map.of("intraOpNumThreads", String.valueOf(spec.intArg(THREADS, 0, 1)), "interOpNumThreads", "1")
                : Map.of();
        PastLayout[] past = new PastLayout[1]; // read once, by the load's check
        LoadedModel loaded = LoadedModel.open(spec, "onnx", ENGINE, options,
                (model, files) -> past[0] = checkedInputs(model, files));
        List<String> inputs = loaded.model().getBlock().describeInput().keys();
        if (past[0] == null) {
            return new OnnxCausalLm(loaded, loaded.info(), inputs, null, false);
        }
        Map<String, Object> identity = new LinkedHashMap<>(loaded.info().identity());
        identity.put("kvCache", (cacheOn ? "on" : "off") + " (" + past[0].tensors().size() + " past tensors)");
        ModelInfo info = new ModelInfo(loaded.info().name(), loaded.info().kind(), loaded.info().engine(),
                loaded.info().device(), identity);
        return new OnnxCausalLm(loaded, info, inputs, past[0], cacheOn);
    }

    /**
     * Refuses a graph declaring inputs Proctor cannot feed ({@code OrtSymbolBlock.describeInput()}, in its order) or
     * an incomplete cache; returns its past layout, null for a graph without past inputs.
     */
    private static PastLayout checkedInputs(ZooModel<NDList, NDList> model, ModelDirectory files) {
        List<String> declared = model.getBlock().describeInput().keys();
        List<String> unknown = declared.stream()
                .filter(name -> !FED_INPUTS.contains(name) && !name.startsWith(PastLayout.PAST)).toList();
        if (!unknown.isEmpty()) {
            throw new ProctorException(files.modelFile().toAbsolutePath() + " declares input(s) " + unknown
                    + " that Proctor cannot feed: Proctor feeds " + String.join("/", FED_INPUTS) + " (int64) and"
                    + " past_key_values.{i}.key/value. Declared inputs: " + declared);
        }
        PastLayout past = PastLayout.declared(declared)
                ? PastLayout.of(OrtGraph.of(model.getBlock()), files.modelFile()) : null;
        if (!declared.contains("input_ids")) {
            throw new ProctorException(files.modelFile().toAbsolutePath() + " declares no input_ids input"
                    + " (declared: " + declared + "); Proctor feeds input_ids, and optionally attention_mask and position_ids");
        }
        return past;
    }

    @Override
    public Optional<KvCache> kvCache() {
        return Optional.ofNullable(cache);
    }

    @Override
    NDArray forward(NDManager scope, ZooModel<NDList, NDList> model, PaddedBatch batch) {
        Map<String, NDArray> pasts = past == null ? Map.of() : OnnxKvCache.emptyPast(scope, past, batch.batchSize());
        return logits(run(scope, batch.inputIds(), batch.attentionMask(), batch.positionIds(), batch.batchSize(),
                batch.length(), 0, pasts));
    }

    /**
     * One pass: {@code ids} and {@code positions} are {@code [rows, length]}, {@code mask} is
     * {@code [rows, pastLength + length]}, and {@code pasts} holds an array per past input (named as the input).
     * Returns every output, named, attached to {@code scope}.
     */
    NDList run(NDManager scope, long[] ids, long[] mask, long[] positions, int rows, int length, int pastLength,
               Map<String, NDArray> pasts) {
        NDList feed = new NDList(inputs.size());
        feed.add(named(scope.create(ids, new Shape(rows, length)), "input_ids")); // first: outputs join its scope
        for (String name : inputs) {
            NDArray array = switch (name) {
                case "input_ids" -> null;
                case "attention_mask" -> scope.create(mask, new Shape(rows, pastLength + length));
                case "position_ids" -> scope.create(positions, new Shape(rows, length));
                default -> pasts.get(name);
            };
            if (array == null && !name.equals("input_ids")) {
                throw new IllegalStateException("no value for input " + name);
            }
            if (array != null) {
                feed.add(named(array, name));
            }
        }
        return model().getBlock().forward(new ParameterStore(scope, false), feed, false);
    }

    /** The logits among a pass's outputs. */
    static NDArray logits(NDList out) {
        return out.stream().filter(a -> "logits".equals(a.getName())).findFirst().orElse(out.get(0));
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
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
