/**
 * Proctor's embedded default model: a tiny GPT (ONNX and TorchScript) with its HuggingFace
 * {@code tokenizer.json}, plus a checkpoint series and two comparison runs, all made by
 * {@code harness/embedded-model/python/make_model.py} and shipped as classpath resources.
 * {@link dev.proctor.embedded.EmbeddedModels} copies one to a cache directory so that model backends,
 * which load from a directory, can open it.
 */
package dev.proctor.embedded;
