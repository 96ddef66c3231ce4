package dev.proctor.api.model;

/**
 * Facts about a loaded model that go into every result's provenance.
 *
 * @param name             a short name (the model directory's name)
 * @param engine           the DJL engine that runs it
 * @param device           the device it runs on
 * @param modelSha256      SHA-256 of the model file
 * @param tokenizerSha256  SHA-256 of {@code tokenizer.json}
 * @param maxContextLength the longest token sequence the model accepts
 * @param eosTokenId       replaces an empty context, as lm-evaluation-harness does
 */
public record ModelInfo(
        String name,
        String engine,
        String device,
        String modelSha256,
        String tokenizerSha256,
        int maxContextLength,
        int eosTokenId) {
}
