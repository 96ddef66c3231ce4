package dev.proctor.tasks.retrieval.encode;

import java.nio.file.Path;

/**
 * An encoder's files on disk.
 *
 * @param model     the {@code .onnx} graph
 * @param tokenizer the HuggingFace {@code tokenizer.json}
 * @param origin    where they came from (a Maven artifact and its resources, or the folder), for provenance
 */
public record EncoderFiles(Path model, Path tokenizer, String origin) {
}
