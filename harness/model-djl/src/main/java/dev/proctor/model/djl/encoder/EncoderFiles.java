package dev.proctor.model.djl.encoder;

import java.nio.file.Path;

/**
 * An encoder's files on disk.
 *
 * @param model     the {@code .onnx} graph or the TorchScript {@code .pt} module
 * @param tokenizer the HuggingFace {@code tokenizer.json}
 * @param origin    where they came from (a Maven artifact and its resources, or the folder), for provenance
 * @param engine    which engine runs {@code model}
 */
public record EncoderFiles(Path model, Path tokenizer, String origin, EncoderEngine engine) {
}
