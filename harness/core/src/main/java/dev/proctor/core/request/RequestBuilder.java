package dev.proctor.core.request;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ScoreQuery;
import dev.proctor.core.prompt.ContextBudget;
import dev.proctor.core.prompt.RenderedPrompt;
import dev.proctor.core.run.ScoringMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the queries of one item for a scoring mode.
 *
 * <ul>
 *   <li>{@link ScoringMode#LETTER}: one query over the context, asking at its last position for the first token of
 *       every continuation (one forward per question).</li>
 *   <li>{@link ScoringMode#LOGLIK}: per choice, {@code (ctx + cont)[:-1]} with every continuation token asked at the
 *       position before it. Choices whose {@code (ctx + cont)[:-1]} is the same (every one-token continuation is)
 *       give identical queries, which the scheduler runs once: lm-eval's shared-context reuse, same grouping key.</li>
 * </ul>
 * Inputs longer than the model's maximum keep their last tokens, as lm-eval's
 * {@code (ctx+cont)[-(max_length+1):][:-1]}; the prompt must say it was truncated, so it is never silent.
 */
public final class RequestBuilder implements ContextBudget {
    private final LanguageModel model;
    private final ScoringMode mode;
    private final int maxTokens;
    private final int eosTokenId;

    public RequestBuilder(LanguageModel model, ScoringMode mode) {
        this.model = model;
        this.mode = mode;
        this.maxTokens = model.info().maxContextLength();
        this.eosTokenId = model.info().eosTokenId();
    }

    @Override
    public int maxTokens() {
        return maxTokens;
    }

    @Override
    public int tokens(String text) {
        return model.encode(text).length;
    }

    @Override
    public int inputTokens(String context, List<String> continuations) {
        if (mode == ScoringMode.LETTER) {
            return encodeContext(context).length; // the letters are asked at the context's last position
        }
        int longest = 0;
        for (TokenPair pair : encodePairs(context, continuations)) {
            longest = Math.max(longest, pair.context().length + pair.continuation().length - 1);
        }
        return longest;
    }

    public ItemRequest build(RenderedPrompt prompt) {
        List<TokenPair> pairs = encodePairs(prompt.context(), prompt.continuations());
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).continuation().length == 0) {
                throw new ProctorException(prompt.item().source() + ": continuation '" + prompt.continuations().get(i)
                        + "' of item " + prompt.item().id() + " encodes to no tokens after its context");
            }
        }
        ItemRequest request = mode == ScoringMode.LETTER ? letter(pairs) : loglik(pairs);
        if (request.truncated() && !prompt.truncated()) {
            throw new ProctorException("item " + prompt.item().id() + " is longer than the model's " + maxTokens
                    + " tokens but its prompt was not marked truncated; plan the run with this model");
        }
        return request;
    }

    private ItemRequest letter(List<TokenPair> pairs) {
        int[] context = pairs.get(0).context(); // the same for every choice: it depends on the context text only
        int cut = Math.max(0, context.length - maxTokens);
        int[] tokens = Arrays.copyOfRange(context, cut, context.length);
        int[] positions = new int[pairs.size()];
        int[] targets = new int[pairs.size()];
        List<List<ItemRequest.Ref>> choices = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            positions[i] = tokens.length - 1;
            targets[i] = pairs.get(i).continuation()[0];
            choices.add(List.of(new ItemRequest.Ref(0, i)));
        }
        return new ItemRequest(List.of(new ScoreQuery(tokens, positions, targets)), choices, cut > 0);
    }

    private ItemRequest loglik(List<TokenPair> pairs) {
        List<ScoreQuery> queries = new ArrayList<>();
        List<List<ItemRequest.Ref>> choices = new ArrayList<>();
        boolean truncated = false;
        for (int c = 0; c < pairs.size(); c++) {
            int[] context = pairs.get(c).context();
            int[] continuation = pairs.get(c).continuation();
            int inputLength = context.length + continuation.length - 1;
            int cut = Math.max(0, inputLength - maxTokens);
            if (continuation.length > maxTokens) {
                throw new ProctorException("a continuation of " + continuation.length
                        + " tokens does not fit the model's " + maxTokens + " tokens");
            }
            int[] tokens = new int[inputLength - cut];
            for (int i = 0; i < tokens.length; i++) {
                int j = i + cut;
                tokens[i] = j < context.length ? context[j] : continuation[j - context.length];
            }
            int[] positions = new int[continuation.length];
            List<ItemRequest.Ref> refs = new ArrayList<>();
            for (int t = 0; t < continuation.length; t++) {
                positions[t] = context.length - 1 + t - cut; // the logits before continuation token t
                refs.add(new ItemRequest.Ref(c, t));
            }
            queries.add(new ScoreQuery(tokens, positions, continuation.clone()));
            choices.add(refs);
            truncated |= cut > 0;
        }
        return new ItemRequest(queries, choices, truncated);
    }

    /**
     * lm-eval's {@code _encode_pair} for every continuation: trailing whitespace of the context moves onto the
     * continuation, and the continuation's tokens are what encoding the whole adds after the context's own tokens
     * (so a tokenizer that merges across the boundary still sees the context as encoded alone). The context is
     * encoded once for all continuations.
     */
    List<TokenPair> encodePairs(String context, List<String> continuations) {
        int keep = stripTrailingSpace(context);
        int[] contextTokens = encodeContext(context);
        List<TokenPair> out = new ArrayList<>(continuations.size());
        for (String continuation : continuations) {
            if (keep == 0) { // the context is replaced by EOS; the continuation is encoded on its own
                out.add(new TokenPair(contextTokens, model.encode(context + continuation)));
            } else {
                int[] whole = model.encode(context + continuation);
                int split = Math.min(contextTokens.length, whole.length);
                out.add(new TokenPair(contextTokens, Arrays.copyOfRange(whole, split, whole.length)));
            }
        }
        return out;
    }

    /** The context's tokens without its trailing whitespace; an empty context is the EOS token, as in lm-eval. */
    private int[] encodeContext(String context) {
        int keep = stripTrailingSpace(context);
        return keep == 0 ? new int[] {eosTokenId} : model.encode(context.substring(0, keep));
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

    /** A context's tokens and the tokens its continuation adds. */
    record TokenPair(int[] context, int[] continuation) {
    }
}
