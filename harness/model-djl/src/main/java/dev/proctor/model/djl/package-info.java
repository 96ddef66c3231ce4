/**
 * Models run through DJL. Causal LMs: {@code onnx:DIR} on the ONNX Runtime engine and {@code torchscript:DIR} on
 * the PyTorch engine, each a {@link dev.proctor.lm.CausalLm} that {@code harness/lm} turns into a model serving
 * log-likelihoods and greedy generation; {@code embedded:NAME} opens the models shipped with Proctor (the tiny GPTs
 * and the pretrained sentence encoders of {@link dev.proctor.model.djl.encoder}). A model directory holds the model
 * file ({@code model.onnx} / {@code model.pt}, or the only such file), the HuggingFace {@code tokenizer.json} and,
 * optionally, {@code config.json} for the context length.
 *
 * <p>Both LM backends share {@link dev.proctor.model.djl.DjlCausalLm}: a batch is padded, run once, and only the
 * logits rows that were asked for leave the engine; their log-softmax is computed in double precision in Java, so
 * both engines score the same way and a query scores the same alone or in a padded batch. Scoring pads on the
 * right; generation pads on the left only where the graph takes an attention mask and position ids (so the padding
 * cannot move a token's position), else on the right, reading each row's last real position. An ONNX graph exported
 * with past key values ({@link dev.proctor.model.djl.PastLayout}) also offers its KV cache
 * ({@link dev.proctor.model.djl.OnnxKvCache}).
 */
package dev.proctor.model.djl;
