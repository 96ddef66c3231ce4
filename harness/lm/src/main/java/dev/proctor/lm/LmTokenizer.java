package dev.proctor.lm;

import dev.proctor.api.model.Tokenizer;

/** A causal LM's tokenizer: encoding for scoring, decoding for generation. */
public interface LmTokenizer extends Tokenizer {

    /** The text of token ids, special tokens included as text. */
    String decode(int[] ids);
}
