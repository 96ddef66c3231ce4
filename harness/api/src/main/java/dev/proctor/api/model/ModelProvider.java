package dev.proctor.api.model;

import java.util.Set;

/**
 * Opens models of one scheme ({@code onnx}, {@code bm25}). Found through {@link java.util.ServiceLoader}; cheap to
 * construct: nothing loads until {@link #load}.
 */
public interface ModelProvider {

    /** The scheme before the colon in {@code --model SCHEME:LOCATION}. */
    String scheme();

    /** One line for {@code proctor models}. */
    String description();

    /** The {@code --model-arg} keys this backend reads; a key that no opened backend reads is an error. */
    default Set<String> argumentKeys() {
        return Set.of();
    }

    /**
     * Loads the model; throws {@link dev.proctor.api.ProctorException} with a clear message if it cannot.
     *
     * @param opener opens the components of a composite model (a hybrid retriever) by their specs
     */
    Model load(ModelSpec spec, ModelOpener opener);
}
