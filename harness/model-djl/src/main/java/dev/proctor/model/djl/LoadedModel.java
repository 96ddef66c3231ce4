package dev.proctor.model.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.util.PairList;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.datafiles.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps both backends take to open a model directory: locate its files, pick the engine and device, open the
 * tokenizer, load the model with {@link DjlLoading} (the engine named explicitly), and describe it.
 *
 * @param model     the DJL model, on {@code info.device()}
 * @param tokenizer the directory's tokenizer
 * @param info      the model's provenance
 * @param files     the directory's files
 */
record LoadedModel(ZooModel<NDList, NDList> model, HfTokenizer tokenizer, ModelInfo info, ModelDirectory files) {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedModel.class);

    /**
     * @param spec       what the user asked for
     * @param extension  the model file's extension ({@code onnx}, {@code pt})
     * @param engineName the DJL engine ({@code OnnxRuntime}, {@code PyTorch})
     * @param options    engine-specific loading options, as {@link DjlLoading#load} takes them
     * @param check      refuses a graph the backend cannot run, before anything else is read from it
     */
    static LoadedModel open(ModelSpec spec, String extension, String engineName, Map<String, String> options,
                            BiConsumer<ZooModel<NDList, NDList>, ModelDirectory> check) {
        ModelDirectory files = ModelDirectory.locate(spec.path(), extension);
        Engine engine = DjlLoading.engine(engineName);
        Device device = DeviceResolver.resolve(spec.device(), engine);
        ZooModel<NDList, NDList> model = DjlLoading.load(files.modelFile(), engineName, device, options);
        HfTokenizer tokenizer = null;
        try {
            check.accept(model, files);
            ContextLength context = ContextLength.of(files, declaredInputs(model));
            tokenizer = HfTokenizer.open(files.tokenizerFile(), context.tokens());
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("modelSha256", Sha256.of(files.modelFile()));
            identity.put("tokenizerSha256", Sha256.of(files.tokenizerFile()));
            identity.put("maxContextLength", context.tokens());
            identity.put("maxContextLengthFrom", context.source());
            identity.put("eosTokenId", tokenizer.eosTokenId());
            identity.put("bosAdded", tokenizer.addedBos().map(b -> b.text() + " (id " + b.id() + ")").orElse("none"));
            identity.put("bosFrom", tokenizer.bosSource());
            ModelInfo info = new ModelInfo(files.name(), "causal LM", DjlLoading.engineDescription(engine, device),
                    DeviceResolver.describe(device), identity);
            LOG.info("loaded {} ({}) with {} on {}: max context {} ({}), eos id {}", info.name(),
                    files.modelFile().getFileName(), info.engine(), info.device(), context.tokens(),
                    context.source(), tokenizer.eosTokenId());
            return new LoadedModel(model, tokenizer, info, files);
        } catch (RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            model.close();
            throw e;
        }
    }

    /** The inputs the graph declares with their shapes, where the engine tells (ONNX Runtime does); else null. */
    private static PairList<String, Shape> declaredInputs(ZooModel<NDList, NDList> model) {
        try {
            return model.getBlock().describeInput();
        } catch (RuntimeException e) {
            return null; // TorchScript modules do not declare their inputs
        }
    }
}
