package dev.proctor.api.model;

import java.util.List;
import java.util.Optional;

/** A model's tokenizer as prompt fitting needs it: the same ids and limits the model itself uses. */
public interface Tokenizer {

    /** Token ids of a text, with no special tokens added. */
    int[] encode(String text);

    /** {@link #encode} of each text, in order; a tokenizer that encodes a batch faster (in parallel) overrides it. */
    default List<int[]> encodeAll(List<String> texts) {
        return texts.stream().map(this::encode).toList();
    }

    /** The end-of-text token. */
    int eosTokenId();

    /** The longest token sequence the model accepts. */
    int maxContextLength();

    /**
     * The token the tokenizer puts before every text when it encodes with its defaults (the BOS its post-processor
     * adds: Llama, Mistral and Gemma tokenizers add one, GPT-2-style ones none). The reference code encodes with those
     * defaults, so a model is sent this token first wherever they send it.
     */
    default Optional<SpecialToken> addedBos() {
        return Optional.empty();
    }

    /**
     * What an empty context becomes (lm-evaluation-harness's {@code prefix_token_id}): the tokenizer's BOS token where
     * it has one, else end-of-text.
     */
    default int prefixTokenId() {
        return addedBos().map(SpecialToken::id).orElse(eosTokenId());
    }

    /**
     * A special token and its text.
     *
     * @param id   its id
     * @param text its text, e.g. {@code <s>}: a prompt that already starts with it does not get it twice
     */
    record SpecialToken(int id, String text) {
    }
}
