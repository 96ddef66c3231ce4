package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Tokenizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How a context and a continuation become tokens, exactly as lm-evaluation-harness's {@code _encode_pair} does it:
 * trailing whitespace of the context moves onto the continuation, and the continuation's tokens are what encoding the
 * whole adds after the context's own tokens (so a tokenizer that merges across the boundary still sees the context
 * as encoded alone); an empty context is the end-of-text token. Prompt fitting (shot dropping) measures with the same
 * rules, so it measures exactly what the model is sent. Context encodings are cached: a question's choices share one.
 */
public final class ContextEncoding {
    private final Tokenizer tokenizer;
    private final Map<String, int[]> contexts = new HashMap<>();

    public ContextEncoding(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * A context's tokens and the tokens its continuation adds.
     *
     * @param context      the context's tokens (trailing whitespace stripped; end-of-text for an empty context)
     * @param continuation the continuation's tokens after it
     */
    public record TokenPair(int[] context, int[] continuation) {
    }

    public TokenPair pair(String contextText, String continuationText) {
        int keep = stripTrailingSpace(contextText);
        int[] context = context(contextText);
        if (keep == 0) { // the context is replaced by end-of-text; the continuation is encoded on its own
            return new TokenPair(context, tokenizer.encode(contextText + continuationText));
        }
        int[] whole = tokenizer.encode(contextText + continuationText);
        int split = Math.min(context.length, whole.length);
        return new TokenPair(context, Arrays.copyOfRange(whole, split, whole.length));
    }

    /** The context's tokens without its trailing whitespace; an empty context is the end-of-text token. */
    public int[] context(String contextText) {
        return contexts.computeIfAbsent(contextText, text -> {
            int keep = stripTrailingSpace(text);
            return keep == 0 ? new int[] {tokenizer.eosTokenId()} : tokenizer.encode(text.substring(0, keep));
        });
    }

    /** A generation's context as it is sent: the text as it is, end-of-text when empty. */
    public int[] generationContext(String contextText) {
        return contextText.isEmpty() ? new int[] {tokenizer.eosTokenId()} : tokenizer.encode(contextText);
    }

    /** The input a scored continuation needs, {@code (context + continuation)[:-1]}, before any truncation. */
    public int scoredInputTokens(String context, String continuation, boolean firstTokenOnly) {
        if (firstTokenOnly) {
            return context(context).length;
        }
        TokenPair pair = pair(context, continuation);
        return pair.context().length + pair.continuation().length - 1;
    }

    /** The longest input a generation may reach: its context and every new token but the last. */
    public int generationInputTokens(String context, int maxNewTokens) {
        return generationContext(context).length + maxNewTokens;
    }

    /** A text's tokens on its own, no special tokens: how long a worked example is. */
    public int tokens(String text) {
        return tokenizer.encode(text).length;
    }

    public int maxContextLength() {
        return tokenizer.maxContextLength();
    }

    /** @throws ProctorException when a continuation adds no token after its context */
    static int[] nonEmpty(int[] continuation, String text) {
        if (continuation.length == 0) {
            throw new ProctorException("continuation '" + text + "' encodes to no tokens after its context");
        }
        return continuation;
    }

    private static int stripTrailingSpace(String text) {
        int keep = text.length();
        while (keep > 0 && isPythonSpace(text.charAt(keep - 1))) {
            keep--;
        }
        return keep;
    }

    /** Python's {@code str.isspace} for the characters that occur in prompts. */
    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
