package dev.proctor.model.djl.encoder;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.core.schedule.Batcher;
import dev.proctor.datafiles.Sha256;
import dev.proctor.model.djl.DeviceResolver;
import dev.proctor.model.djl.DjlLoading;
import dev.proctor.model.search.vector.Vectors;
import java.util.LinkedHashMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A BERT-style sentence encoder run through DJL: an ONNX graph on ONNX Runtime or a TorchScript module on PyTorch
 * ({@link EncoderEngine}). An ONNX graph is fed exactly the inputs it declares (ONNX Runtime refuses any other),
 * by name; a TorchScript module, whose inputs carry no names, is fed by position in the order the configuration
 * gives. Inputs come out of {@code input_ids}, {@code attention_mask} and {@code token_type_ids}, all int64. The
 * encoder reads {@code last_hidden_state} (else the first output); pools CLS or MEAN over the mask; and
 * L2-normalises in double precision. Texts are tokenized with special tokens and truncated to the configured
 * length, then batched under the padded-token budget by the scheduler's {@link Batcher}, as language-model
 * requests are.
 *
 * <p>The embedded encoders are int8-quantised with {@code DynamicQuantizeLinear}, whose scale is computed over
 * the whole batch tensor: the same text gets slightly different vectors in different batches (padding
 * included). {@link EncoderModel} therefore measures batch dependence when it opens one and, by default, encodes
 * one text per call where it finds it.
 */
public final class DjlTextEncoder implements TextEncoder {
    static final String OUTPUT = "last_hidden_state";

    private final ZooModel<NDList, NDList> model;
    private final EncoderEngine engine;
    private final HuggingFaceTokenizer tokenizer;
    private final EncoderConfig config;
    private final List<String> inputs;
    private final Map<String, Object> identity;
    private final String engineDescription;
    private final String device;

    private DjlTextEncoder(ZooModel<NDList, NDList> model, EncoderEngine engine, HuggingFaceTokenizer tokenizer,
                           EncoderConfig config, List<String> inputs, Map<String, Object> identity,
                           String engineDescription, String device) {
        this.model = model;
        this.engine = engine;
        this.tokenizer = tokenizer;
        this.config = config;
        this.inputs = inputs;
        this.identity = identity;
        this.engineDescription = engineDescription;
        this.device = device;
    }

    /** On the CPU. */
    public static DjlTextEncoder open(EncoderSpec spec) {
        return open(spec, "cpu");
    }

    /**
     * @param device {@code cpu}, {@code gpu} or {@code gpu:N}, as for language models; a GPU the engine does not
     *               see is an error, never a silent fallback
     */
    public static DjlTextEncoder open(EncoderSpec spec, String device) {
        EncoderFiles files = spec.files();
        Engine djl = DjlLoading.engine(files.engine().djlEngine());
        Device resolved = DeviceResolver.resolve(device, djl);
        HuggingFaceTokenizer tokenizer = tokenizer(spec);
        ZooModel<NDList, NDList> model = null;
        try {
            model = load(files, resolved);
            List<String> inputs = files.engine() == EncoderEngine.ONNX
                    ? checkedOnnxInputs(files, model, spec.config().inputs())
                    : spec.config().inputs().isEmpty() ? EncoderEngine.DEFAULT_TORCHSCRIPT_INPUTS : spec.config().inputs();
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("origin", files.origin());
            identity.put("modelSha256", Sha256.of(files.model()));
            identity.put("tokenizerSha256", Sha256.of(files.tokenizer()));
            identity.put("pooling", spec.config().pooling().id());
            identity.put("queryPrefix", spec.config().queryPrefix());
            identity.put("passagePrefix", spec.config().passagePrefix());
            identity.put("maxLength", spec.config().maxLength());
            identity.put("inputs", inputs);
            DjlTextEncoder partial = new DjlTextEncoder(model, files.engine(), tokenizer, spec.config(), inputs,
                    identity, DjlLoading.engineDescription(djl, resolved), DeviceResolver.describe(resolved));
            identity.put("dimension", partial.hiddenSize());
            return partial;
        } catch (RuntimeException | Error e) { // native libraries fail with LinkageErrors
            tokenizer.close();
            if (model != null) {
                model.close();
            }
            throw e;
        }
    }

    @Override
    public EncoderConfig config() {
        return config;
    }

    @Override
    public Map<String, Object> identity() {
        return identity;
    }

    @Override
    public String engine() {
        return engineDescription;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public void encode(List<String> texts, int batchTokens, BatchListener listener) {
        for (PaddedInputs batch : plan(texts, batchTokens)) {
            long t0 = System.nanoTime();
            float[][] vectors = forward(batch);
            long nanos = System.nanoTime() - t0;
            long real = 0;
            for (int b = 0; b < batch.batchSize(); b++) {
                real += batch.realLengths()[b];
            }
            listener.encoded(batch.indices(), vectors,
                    new BatchStats(batch.batchSize(), real, (long) batch.batchSize() * batch.length(), nanos));
        }
    }

    @Override
    public float[][] encodeTogether(List<String> texts) {
        float[][] out = new float[texts.size()][];
        encode(texts, Integer.MAX_VALUE, (indices, vectors, stats) -> {
            for (int b = 0; b < indices.length; b++) {
                out[indices[b]] = vectors[b];
            }
        });
        return out;
    }

    /**
     * Tokenizes and batches {@code texts} exactly as {@link #encode} does; public so the benchmark can feed the
     * very same batches to ONNX Runtime directly.
     */
    public List<PaddedInputs> plan(List<String> texts, int batchTokens) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts.toArray(String[]::new));
        long[][] ids = new long[encodings.length][];
        long[][] types = new long[encodings.length][];
        int[] lengths = new int[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            ids[i] = encodings[i].getIds();
            types[i] = encodings[i].getTypeIds();
            lengths[i] = ids[i].length;
        }
        List<PaddedInputs> batches = new ArrayList<>();
        for (List<Integer> indices : Batcher.batches(lengths, batchTokens)) {
            batches.add(PaddedInputs.of(indices.stream().mapToInt(Integer::intValue).toArray(), ids, types));
        }
        return batches;
    }

    /** The inputs fed, in order. */
    public List<String> inputs() {
        return inputs;
    }

    /** One forward call: pooled, unit-length vectors, one per row of {@code batch}. */
    float[][] forward(PaddedInputs batch) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray hidden = run(scope, batch);
            Shape shape = hidden.getShape();
            if (shape.dimension() != 3 || shape.get(0) != batch.batchSize() || shape.get(1) != batch.length()) {
                throw new ProctorException(config.name() + ": the model returned " + OUTPUT + " of shape "
                        + shape + " for input [" + batch.batchSize() + ", " + batch.length()
                        + "]; expected [batch, length, hidden]");
            }
            int dim = Math.toIntExact(shape.get(2));
            float[] values = hidden.toFloatArray();
            float[][] out = new float[batch.batchSize()][];
            for (int b = 0; b < batch.batchSize(); b++) {
                out[b] = Vectors.normalize(config.pooling()
                        .pool(values, b, batch.length(), dim, batch.realLengths()[b]), config.name());
            }
            return out;
        }
    }

    private NDArray run(NDManager scope, PaddedInputs batch) {
        Shape shape = new Shape(batch.batchSize(), batch.length());
        NDList feed = new NDList(inputs.size());
        for (String name : inputs) {
            NDArray array = scope.create(batch.input(name), shape);
            array.setName(name);
            feed.add(array);
        }
        NDList out;
        try {
            out = model.getBlock().forward(new ParameterStore(scope, false), feed, false);
        } catch (RuntimeException e) {
            throw new ProctorException(config.name() + ": the " + engineDescription + " forward call failed on"
                    + " inputs " + inputs + " of shape " + shape + ": " + e.getMessage()
                    + (engine == EncoderEngine.TORCHSCRIPT
                    ? " (a TorchScript module takes its inputs by position: list them in its order as \"inputs\" in "
                    + EncoderSpec.CONFIG_FILE + ")" : ""), e);
        }
        return out.stream().filter(a -> OUTPUT.equals(a.getName())).findFirst().orElse(out.get(0));
    }

    private int hiddenSize() {
        Encoding probe = tokenizer.encode("probe");
        PaddedInputs batch = PaddedInputs.of(new int[] {0}, new long[][] {probe.getIds()},
                new long[][] {probe.getTypeIds()});
        return forward(batch)[0].length;
    }

    private static HuggingFaceTokenizer tokenizer(EncoderSpec spec) {
        try {
            // padding off: batches are padded here, after sorting by length; the MiniLM tokenizer.json would
            // otherwise pad every text to 128
            return HuggingFaceTokenizer.builder()
                    .optTokenizerPath(spec.files().tokenizer())
                    .optAddSpecialTokens(true)
                    .optTruncation(true)
                    .optMaxLength(spec.config().maxLength())
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new ProctorException("cannot load the tokenizer " + spec.files().tokenizer() + ": " + e.getMessage(), e);
        }
    }

    private static ZooModel<NDList, NDList> load(EncoderFiles files, Device device) {
        // mapLocation: a TorchScript module saved from a GPU loads onto the chosen device
        return DjlLoading.load(files.model(), files.engine().djlEngine(), device,
                files.engine() == EncoderEngine.TORCHSCRIPT ? Map.of("mapLocation", "true") : Map.of());
    }

    /** The graph's declared inputs; an {@code inputs} list in the configuration must name the same ones. */
    private static List<String> checkedOnnxInputs(EncoderFiles files, ZooModel<NDList, NDList> model,
                                                  List<String> configured) {
        List<String> declared = model.getBlock().describeInput().keys();
        List<String> unknown = declared.stream().filter(n -> !PaddedInputs.NAMES.contains(n)).toList();
        if (!unknown.isEmpty() || !declared.contains("input_ids")) {
            throw new ProctorException(files.model() + " declares inputs " + declared + "; Proctor feeds an encoder"
                    + " input_ids and optionally attention_mask and token_type_ids (int64)");
        }
        if (!configured.isEmpty() && !new java.util.HashSet<>(configured).equals(new java.util.HashSet<>(declared))) {
            throw new ProctorException(files.model() + " declares inputs " + declared + " but " + EncoderSpec.CONFIG_FILE
                    + " lists " + configured + "; ONNX inputs are fed by name, so \"inputs\" may be left out");
        }
        return declared;
    }

    @Override
    public void close() {
        try (tokenizer) {
            model.close();
        }
    }
}
