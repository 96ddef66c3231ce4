package dev.proctor.api.model;

/** Opens models of one scheme ({@code onnx}, {@code torchscript}). Constructing a provider must be cheap. */
public interface ModelProvider {

    /** The scheme before the colon in {@code --model SCHEME:PATH}. */
    String scheme();

    /** Loads the model; throws {@link dev.proctor.api.ProctorException} with a clear message if it cannot. */
    LanguageModel load(ModelSpec spec);
}
