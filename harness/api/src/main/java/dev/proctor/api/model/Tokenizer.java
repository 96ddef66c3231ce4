package dev.proctor.api.model;

/** A model's tokenizer as prompt fitting needs it: the same ids and limits the model itself uses. */
public interface Tokenizer {

    /** Token ids of a text, with no special tokens added. */
    int[] encode(String text);

    /** The end-of-text token: it replaces an empty context, as lm-evaluation-harness does. */
    int eosTokenId();

    /** The longest token sequence the model accepts. */
    int maxContextLength();
}
