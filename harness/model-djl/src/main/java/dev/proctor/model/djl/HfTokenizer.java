package dev.proctor.model.djl;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.proctor.api.ProctorException;
import dev.proctor.lm.LmTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A HuggingFace {@code tokenizer.json} set up for scoring: no special tokens added, no truncation, no padding (the
 * harness controls lengths itself); with the context length of the model it belongs to.
 */
final class HfTokenizer implements LmTokenizer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HfTokenizer.class);

    /** End-of-sequence tokens looked for, in this order. */
    static final List<String> EOS_TOKENS = List.of("<|endoftext|>", "</s>");

    private final HuggingFaceTokenizer tokenizer;
    private final int eosTokenId;
    private final int maxContextLength;

    private HfTokenizer(HuggingFaceTokenizer tokenizer, Path file, int maxContextLength) {
        this.tokenizer = tokenizer;
        this.eosTokenId = findEos(file);
        this.maxContextLength = maxContextLength;
    }

    static HfTokenizer open(Path file, int maxContextLength) {
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            return new HfTokenizer(tokenizer, file, maxContextLength);
        } catch (IOException | RuntimeException e) {
            throw new ProctorException("cannot load the HuggingFace tokenizer " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int[] encode(String text) {
        return toInts(tokenizer.encode(text, false, false).getIds());
    }

    @Override
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return tokenizer.decode(longs, false);
    }

    @Override
    public int eosTokenId() {
        return eosTokenId;
    }

    @Override
    public int maxContextLength() {
        return maxContextLength;
    }

    private int findEos(Path file) {
        for (String token : EOS_TOKENS) {
            Encoding encoding = tokenizer.encode(token, false, false);
            String[] tokens = encoding.getTokens();
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i].equals(token)) {
                    return Math.toIntExact(encoding.getIds()[i]);
                }
            }
        }
        LOG.warn("{} has none of the end-of-sequence tokens {}: using id 0 as eos (it pads batches and replaces empty"
                + " contexts)", file.toAbsolutePath(), EOS_TOKENS);
        return 0;
    }

    private static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
