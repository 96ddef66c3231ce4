/**
 * Dense encoders: ONNX or TorchScript sentence encoders run by DJL's ONNX Runtime or PyTorch engine
 * ({@link dev.proctor.tasks.retrieval.encode.DjlTextEncoder}), the three pretrained ones shipped in jars
 * ({@link dev.proctor.tasks.retrieval.encode.EmbeddedEncoder}), padded inputs batched under a token budget by
 * the scheduler's {@link dev.proctor.core.schedule.Batcher}, and the on-disk corpus embedding cache
 * ({@link dev.proctor.tasks.retrieval.encode.EmbeddingCache}).
 */
package dev.proctor.tasks.retrieval.encode;
