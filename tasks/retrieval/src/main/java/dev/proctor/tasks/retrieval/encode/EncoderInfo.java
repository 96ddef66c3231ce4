package dev.proctor.tasks.retrieval.encode;

/**
 * An opened encoder's provenance.
 *
 * @param config          pooling, prefixes, max length
 * @param origin          where its files came from
 * @param modelSha256     SHA-256 of the model file ({@code .onnx} or {@code .pt})
 * @param tokenizerSha256 SHA-256 of {@code tokenizer.json}
 * @param engine          the DJL engine and its version
 * @param inputs          the inputs fed, in order: an ONNX graph's declared ones, a TorchScript module's by position
 * @param dimension       embedding size
 * @param batchTokens     the padded-token budget per forward call
 */
public record EncoderInfo(EncoderConfig config, String origin, String modelSha256, String tokenizerSha256,
                          String engine, java.util.List<String> inputs, int dimension, int batchTokens) {
}
