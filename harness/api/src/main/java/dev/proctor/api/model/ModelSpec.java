package dev.proctor.api.model;

import dev.proctor.api.ProctorException;
import java.nio.file.Path;

/**
 * What the user asked for with {@code --model SCHEME:PATH} and {@code --device}.
 *
 * @param scheme   the backend, e.g. {@code onnx} or {@code torchscript}
 * @param location the model directory (model file plus HuggingFace {@code tokenizer.json})
 * @param device   {@code cpu}, {@code gpu} or {@code gpu:N}
 */
public record ModelSpec(String scheme, Path location, String device) {

    public static ModelSpec parse(String spec, String deviceText) {
        String device = deviceText.strip().toLowerCase(java.util.Locale.ROOT);
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new ProctorException("model '" + spec + "' is not of the form SCHEME:PATH (e.g. onnx:/models/gpt)");
        }
        if (!device.equals("cpu") && !device.matches("gpu(:\\d+)?")) {
            throw new ProctorException("device '" + device + "' is not one of cpu, gpu, gpu:N");
        }
        return new ModelSpec(spec.substring(0, colon), Path.of(spec.substring(colon + 1)), device);
    }

    @Override
    public String toString() {
        return scheme + ":" + location;
    }
}
