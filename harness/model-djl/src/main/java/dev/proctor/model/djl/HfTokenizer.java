package dev.proctor.model.djl;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Tokenizer.SpecialToken;
import dev.proctor.lm.LmTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A HuggingFace {@code tokenizer.json} set up for scoring: encodings without special tokens, no truncation, no
 * padding (the harness controls lengths itself), with the context length of the model it belongs to; and the BOS token
 * its defaults add (its post-processor, or {@code add_bos_token} in a {@code tokenizer_config.json} beside it, as
 * transformers reads it), which the harness prepends where the reference code gets it.
 */
public final class HfTokenizer implements LmTokenizer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HfTokenizer.class);

    /** End-of-sequence tokens looked for, in this order. */
    static final List<String> EOS_TOKENS = List.of("<|endoftext|>", "</s>");

    private final HuggingFaceTokenizer tokenizer;
    private final int eosTokenId;
    private final int maxContextLength;
    private final Optional<SpecialToken> addedBos;
    private final String bosSource;

    private HfTokenizer(HuggingFaceTokenizer tokenizer, Path file, int maxContextLength) {
        this.tokenizer = tokenizer;
        this.eosTokenId = findEos(file);
        this.maxContextLength = maxContextLength;
        Optional<SpecialToken> byPostProcessor = postProcessorBos();
        Optional<Boolean> configured = TokenizerConfig.addBosToken(file.resolveSibling("tokenizer_config.json"));
        if (configured.isEmpty()) {
            addedBos = byPostProcessor;
            bosSource = byPostProcessor.isPresent() ? "tokenizer.json post-processor" : "none added by tokenizer.json";
        } else if (!configured.get()) {
            addedBos = Optional.empty();
            bosSource = "tokenizer_config.json add_bos_token false";
        } else {
            addedBos = byPostProcessor.or(() -> TokenizerConfig.bosToken(file.resolveSibling("tokenizer_config.json"))
                    .map(text -> new SpecialToken(idOf(text, file), text)));
            bosSource = "tokenizer_config.json add_bos_token true";
        }
    }

    /** Opens a HuggingFace {@code tokenizer.json} (with a {@code tokenizer_config.json} beside it, if any). */
    public static HfTokenizer open(Path file, int maxContextLength) {
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

    /**
     * The ids only: DJL's {@code encode} also copies out tokens, offsets, word ids and masks through JNI, a third of
     * the time of encoding a long prompt (this tokenizer sets none of the Java-side text options that {@code encode}
     * applies first).
     */
    @Override
    public int[] encode(String text) {
        long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, false);
        try {
            return toInts(TokenizersLibrary.LIB.getTokenIds(encoding));
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }

    /** The texts encoded in one call, which the tokenizers library spreads over the cores. */
    @Override
    public List<int[]> encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        long[] encodings = TokenizersLibrary.LIB.batchEncode(tokenizer.getHandle(), texts.toArray(String[]::new), false);
        List<int[]> out = new ArrayList<>(encodings.length);
        try {
            for (long encoding : encodings) {
                out.add(toInts(TokenizersLibrary.LIB.getTokenIds(encoding)));
            }
        } finally {
            for (long encoding : encodings) {
                TokenizersLibrary.LIB.deleteEncoding(encoding);
            }
        }
        return out;
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
    public Optional<SpecialToken> addedBos() {
        return addedBos;
    }

    /** Where {@link #addedBos} was read, for provenance. */
    public String bosSource() {
        return bosSource;
    }

    /** The token the post-processor puts before a text, found by encoding with and without special tokens. */
    private Optional<SpecialToken> postProcessorBos() {
        Encoding with = tokenizer.encode("a", true, false);
        long[] plain = tokenizer.encode("a", false, false).getIds();
        long[] ids = with.getIds();
        if (ids.length == plain.length + 1 && Arrays.equals(Arrays.copyOfRange(ids, 1, ids.length), plain)) {
            return Optional.of(new SpecialToken(Math.toIntExact(ids[0]), with.getTokens()[0]));
        }
        return Optional.empty();
    }

    private int idOf(String token, Path file) {
        Encoding e = tokenizer.encode(token, false, false);
        if (e.getIds().length != 1) {
            throw new ProctorException(file.resolveSibling("tokenizer_config.json") + " asks for the BOS token '"
                    + token + "', which " + file + " does not know as one token");
        }
        return Math.toIntExact(e.getIds()[0]);
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
