/**
 * Causal language models run through DJL: {@code onnx:DIR} on the ONNX Runtime engine and {@code torchscript:DIR}
 * on the PyTorch engine. A model directory holds the model file ({@code model.onnx} / {@code model.pt}, or the only
 * such file), the HuggingFace {@code tokenizer.json} and, optionally, {@code config.json} for the context length.
 *
 * <p>Both backends share {@link dev.proctor.model.djl.DjlCausalLm}: a batch is right-padded, run once, and only the
 * logits rows that were asked for leave the engine; their log-softmax is computed in double precision in Java, so
 * both engines score the same way and a query scores the same alone or in a padded batch.
 */
package dev.proctor.model.djl;
