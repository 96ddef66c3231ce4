package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a context and a continuation become tokens, exactly as lm-evaluation-harness's {@code _encode_pair} does it:
 * trailing whitespace of the context moves onto the continuation, and the continuation's tokens are what encoding the
 * whole adds after the context's own tokens (so a tokenizer that merges across the boundary still sees the context
 * as encoded alone); both are encoded with the tokenizer's default special tokens, so a tokenizer that adds a BOS
 * gets it first (unless the text already starts with it); an empty context is the prefix token (BOS, else
 * end-of-text). Prompt fitting (shot dropping) measures with the same
 * rules, so it measures exactly what the model is sent. Context encodings are cached (thread-safe: a served model encodes from many threads): a question's choices share one.
 */
public final class ContextEncoding {
    private final Tokenizer tokenizer;
    private final Map<String, int[]> contexts = new ConcurrentHashMap<>();

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
        if (keep == 0) {
            // lm-eval: the continuation is encoded on its own, after the prefix token; if it already starts with
            // that token, its own first token serves as the context
            int[] continuation = tokenizer.encode(contextText + continuationText);
            int prefix = tokenizer.prefixTokenId();
            if (continuation.length > 0 && continuation[0] == prefix) {
                return new TokenPair(new int[] {prefix}, Arrays.copyOfRange(continuation, 1, continuation.length));
            }
            return new TokenPair(new int[] {prefix}, continuation);
        }
        return split(context(contextText), encodeDefault(contextText + continuationText));
    }

    /**
     * {@link #pair} of each (context, continuation), the texts encoded in batches ({@link Tokenizer#encodeAll}): the
     * same tokens, faster where the tokenizer encodes a batch in parallel.
     */
    public List<TokenPair> pairs(List<String> contextTexts, List<String> continuationTexts) {
        Set<String> newContexts = new LinkedHashSet<>();
        List<Integer> regular = new ArrayList<>();
        List<String> wholes = new ArrayList<>();
        for (int i = 0; i < contextTexts.size(); i++) {
            String context = contextTexts.get(i);
            int keep = stripTrailingSpace(context);
            if (keep > 0) {
                String stripped = context.substring(0, keep);
                if (!contexts.containsKey(context)) {
                    newContexts.add(stripped);
                }
                regular.add(i);
                wholes.add(context + continuationTexts.get(i));
            }
        }
        List<String> toEncode = List.copyOf(newContexts);
        List<int[]> contextIds = encodeAllDefault(toEncode);
        Map<String, int[]> encodedContexts = new HashMap<>();
        for (int i = 0; i < toEncode.size(); i++) {
            encodedContexts.put(toEncode.get(i), contextIds.get(i));
        }
        List<int[]> wholeIds = encodeAllDefault(wholes);
        List<TokenPair> out = new ArrayList<>(contextTexts.size());
        int next = 0;
        for (int i = 0; i < contextTexts.size(); i++) {
            String context = contextTexts.get(i);
            if (next < regular.size() && regular.get(next) == i) {
                int[] contextTokens = contexts.computeIfAbsent(context,
                        text -> encodedContexts.get(text.substring(0, stripTrailingSpace(text))));
                out.add(split(contextTokens, wholeIds.get(next++)));
            } else {
                out.add(pair(context, continuationTexts.get(i)));
            }
        }
        return out;
    }

    private static TokenPair split(int[] context, int[] whole) {
        int at = Math.min(context.length, whole.length);
        return new TokenPair(context, Arrays.copyOfRange(whole, at, whole.length));
    }

    /** The context's tokens without its trailing whitespace; an empty context is the prefix token. */
    public int[] context(String contextText) {
        return contexts.computeIfAbsent(contextText, text -> {
            int keep = stripTrailingSpace(text);
            return keep == 0 ? new int[] {tokenizer.prefixTokenId()} : encodeDefault(text.substring(0, keep));
        });
    }

    /** A generation's context as it is sent: the text as it is, the prefix token when empty. */
    public int[] generationContext(String contextText) {
        return contextText.isEmpty() ? new int[] {tokenizer.prefixTokenId()} : encodeDefault(contextText);
    }

    /**
     * A text as the reference code encodes it, with the tokenizer's default special tokens: its BOS first where it
     * adds one, unless the text already starts with the BOS text (lm-eval's {@code has_bos_prefix}).
     */
    public int[] encodeDefault(String text) {
        return withDefaultBos(text, tokenizer.encode(text));
    }

    private List<int[]> encodeAllDefault(List<String> texts) {
        List<int[]> ids = tokenizer.encodeAll(texts);
        List<int[]> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.add(withDefaultBos(texts.get(i), ids.get(i)));
        }
        return out;
    }

    private int[] withDefaultBos(String text, int[] ids) {
        Optional<Tokenizer.SpecialToken> bos = tokenizer.addedBos();
        if (bos.isEmpty() || text.startsWith(bos.get().text())) {
            return ids;
        }
        int[] out = new int[ids.length + 1];
        out[0] = bos.get().id();
        System.arraycopy(ids, 0, out, 1, ids.length);
        return out;
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

    public int maxContextLength() {
        return tokenizer.maxContextLength();
    }

    /** @throws ProctorException when a continuation adds no token after its context */
    public static int[] nonEmpty(int[] continuation, String text) {
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
