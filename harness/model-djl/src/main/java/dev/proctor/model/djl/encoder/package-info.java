/**
 * Sentence encoders run by DJL (an ONNX graph on ONNX Runtime, or a TorchScript module on PyTorch) as models that
 * serve embeddings and dense retrieval: {@link dev.proctor.model.djl.encoder.DjlTextEncoder} tokenizes, batches,
 * pools and normalises; {@link dev.proctor.model.djl.encoder.EncoderModel} measures batch dependence, applies the
 * query instruction and searches; the real pretrained encoders ship in Maven jars
 * ({@link dev.proctor.model.djl.encoder.EmbeddedEncoder}).
 */
package dev.proctor.model.djl.encoder;
