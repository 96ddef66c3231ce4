package dev.proctor.model.djl;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.embedded.EmbeddedModels;
import dev.proctor.lm.CausalLmModel;
import dev.proctor.model.djl.detector.DetectorConfig;
import dev.proctor.model.djl.detector.ObjectDetectorModel;
import dev.proctor.model.djl.encoder.EmbeddedEncoder;
import dev.proctor.model.djl.encoder.EncoderProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code embedded:NAME}: a model shipped with Proctor. The causal LMs Proctor makes ({@code tiny-gpt}, its
 * checkpoints and sibling runs) run with ONNX Runtime; the real pretrained encoders shipped in Maven jars
 * ({@code bge-small-en}, {@code bge-small-zh}, {@code minilm}) serve embedding and dense retrieval; the object
 * detector Proctor makes ({@code shapes-detector}) answers image predictions.
 */
public final class EmbeddedModelProvider implements ModelProvider {
    @Override
    public String scheme() {
        return "embedded";
    }

    @Override
    public String description() {
        return "a model shipped with Proctor: causal LMs " + String.join(", ", EmbeddedModels.names().subList(0, 3))
                + "...; encoders " + String.join(", ", EmbeddedEncoder.ids());
    }

    @Override
    public Set<String> argumentKeys() {
        Set<String> keys = new TreeSet<>(EncoderProviders.ARGUMENTS);
        keys.add(OnnxCausalLm.THREADS);
        keys.add(OnnxCausalLm.KV_CACHE);
        keys.add(ObjectDetectorModel.BATCH_ARG);
        return keys;
    }

    /** Every embedded model's name: language models first, then encoders. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(EmbeddedModels.names());
        names.addAll(EmbeddedEncoder.ids());
        return names;
    }

    @Override
    public Model load(ModelSpec spec, ModelOpener opener) {
        String name = spec.location();
        if (EmbeddedModels.names().contains(name) && EmbeddedModels.files(name).stream()
                .anyMatch(f -> f.name().equals(DetectorConfig.FILE))) {
            return ObjectDetectorModel.open(EmbeddedModels.materialize(name), name, spec);
        }
        if (EmbeddedModels.names().contains(name)) {
            Set<String> other = new TreeSet<>(spec.args().keySet());
            other.remove(OnnxCausalLm.THREADS);
            other.remove(OnnxCausalLm.KV_CACHE);
            if (!other.isEmpty()) {
                throw new ProctorException("--model-arg " + String.join(", ", other)
                        + ": the embedded language model " + name + " takes only " + OnnxCausalLm.THREADS + " and "
                        + OnnxCausalLm.KV_CACHE);
            }
            ModelSpec onnx = new ModelSpec("onnx", EmbeddedModels.materialize(name).toString(), spec.device(), spec.args());
            return new CausalLmModel(OnnxCausalLm.load(onnx));
        }
        if (EmbeddedEncoder.ids().contains(name)) {
            return EncoderProviders.openEmbedded(EmbeddedEncoder.of(name), spec);
        }
        throw new UnknownNameException("embedded model", name, names());
    }
}
