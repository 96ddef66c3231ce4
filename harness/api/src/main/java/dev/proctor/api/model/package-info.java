/**
 * The model backend interface. A {@link dev.proctor.api.model.ModelProvider} (registered in
 * {@code META-INF/services/dev.proctor.api.model.ModelProvider}) opens a {@link dev.proctor.api.model.Model} from a
 * {@link dev.proctor.api.model.ModelSpec} such as {@code onnx:/path/dir} or {@code bm25}. A model declares the
 * request kinds it serves and answers lists of requests of one kind; the harness decides what to ask, stores
 * every answer and computes what the numbers mean.
 */
package dev.proctor.api.model;
