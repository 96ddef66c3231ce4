package dev.proctor.model.djl.detector;

import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import java.util.Set;

/** {@code onnx-detector:DIR}: an object detector exported to ONNX, with its {@code detector.json}. */
public final class ObjectDetectorProvider implements ModelProvider {
    @Override
    public String scheme() {
        return "onnx-detector";
    }

    @Override
    public String description() {
        return "object detector exported to ONNX (DIR holds one .onnx and detector.json: input size, categories,"
                + " score threshold, NMS IoU), answering image predictions with boxes; --model-arg batch=N images per"
                + " forward pass (default 16)";
    }

    @Override
    public Set<String> argumentKeys() {
        return Set.of(ObjectDetectorModel.BATCH_ARG);
    }

    @Override
    public Model load(ModelSpec spec, ModelOpener opener) {
        return ObjectDetectorModel.open(spec.path(), spec.path().getFileName().toString(), spec);
    }
}
