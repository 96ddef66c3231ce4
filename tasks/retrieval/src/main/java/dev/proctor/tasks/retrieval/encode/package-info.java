/**
 * Dense encoders: ONNX or TorchScript sentence encoders run by DJL's ONNX Runtime or PyTorch engine
 * ({@link dev.proctor.tasks.retrieval.encode.DjlTextEncoder}), the three pretrained ones shipped in jars
 * ({@link dev.proctor.tasks.retrieval.encode.EmbeddedEncoder}), token-budget batching
 * ({@link dev.proctor.tasks.retrieval.encode.TokenBatcher}) and the on-disk corpus embedding cache
 * ({@link dev.proctor.tasks.retrieval.encode.EmbeddingCache}).
 */
package dev.proctor.tasks.retrieval.encode;
