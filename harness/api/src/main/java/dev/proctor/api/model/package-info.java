/**
 * The model backend interface. A {@link dev.proctor.api.model.ModelProvider} (registered in
 * {@code META-INF/services/dev.proctor.api.model.ModelProvider}) opens a
 * {@link dev.proctor.api.model.LanguageModel} from a {@link dev.proctor.api.model.ModelSpec} such as
 * {@code onnx:/path/dir}. A language model only tokenizes and scores token sequences; the harness decides
 * what to score, how to batch it and what the numbers mean.
 */
package dev.proctor.api.model;
