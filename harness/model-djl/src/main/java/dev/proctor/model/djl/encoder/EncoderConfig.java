package dev.proctor.model.djl.encoder;

import java.util.List;
import java.util.Objects;

/**
 * What an encoder needs besides its files, part of the model's identity and recorded with every result.
 *
 * @param name          a short name ({@code bge-small-en})
 * @param pooling       CLS or MEAN
 * @param queryPrefix   prepended to every query (BGE's retrieval instruction; empty for MiniLM)
 * @param passagePrefix prepended to every document (empty for all three embedded encoders)
 * @param maxLength     tokens per text, special tokens included; longer texts are truncated
 * @param inputs        the model's inputs in the order it takes them, out of {@code input_ids},
 *                      {@code attention_mask}, {@code token_type_ids}; empty: an ONNX graph's declared inputs, or
 *                      {@link EncoderEngine#DEFAULT_TORCHSCRIPT_INPUTS} for TorchScript
 */
public record EncoderConfig(String name, Pooling pooling, String queryPrefix, String passagePrefix, int maxLength,
                            List<String> inputs) {
    public EncoderConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pooling, "pooling");
        queryPrefix = queryPrefix == null ? "" : queryPrefix;
        passagePrefix = passagePrefix == null ? "" : passagePrefix;
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        if (maxLength < 3) {
            throw new IllegalArgumentException("maxLength must leave room for [CLS], one token and [SEP]: " + maxLength);
        }
    }

    /** A configuration whose inputs are the model's own (declared, or the TorchScript default). */
    public EncoderConfig(String name, Pooling pooling, String queryPrefix, String passagePrefix, int maxLength) {
        this(name, pooling, queryPrefix, passagePrefix, maxLength, List.of());
    }

    public String queryText(String query) {
        return queryPrefix + query;
    }

    public String passageText(String passage) {
        return passagePrefix + passage;
    }

    public EncoderConfig withPooling(Pooling p) {
        return new EncoderConfig(name, p, queryPrefix, passagePrefix, maxLength, inputs);
    }

    public EncoderConfig withQueryPrefix(String prefix) {
        return new EncoderConfig(name, pooling, prefix, passagePrefix, maxLength, inputs);
    }
}
