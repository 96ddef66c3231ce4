package dev.proctor.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * The {@code logprobs} of a completion choice that echoed its prompt, checked before anything is read from it: four
 * arrays of one length, a number at every position but the first (whose log-probability nothing precedes), every
 * number finite and not above zero. Anything else is a malformed answer, never a score.
 *
 * @param tokens   each token's text
 * @param logprobs each token's log-probability (position 0: NaN, nothing precedes it)
 * @param topMax   the largest log-probability at each position (the token's own included), for greediness
 * @param offsets  where each token starts in the echoed text, in code points
 */
record EchoedTokens(String[] tokens, double[] logprobs, double[] topMax, int[] offsets) {
    /** Log-probabilities above this are refused: a log-probability cannot be positive (float32 rounding aside). */
    static final double CEILING = 1e-6;

    static EchoedTokens of(JsonNode choice, String where) {
        JsonNode lp = choice.get("logprobs");
        if (lp == null || !lp.isObject()) {
            throw malformed(where, "no logprobs object in the choice");
        }
        JsonNode tokens = lp.get("tokens");
        JsonNode values = lp.get("token_logprobs");
        JsonNode tops = lp.get("top_logprobs");
        JsonNode offsets = lp.get("text_offset");
        if (!isArray(tokens) || !isArray(values) || !isArray(tops) || !isArray(offsets)) {
            throw malformed(where, "logprobs lacks one of tokens, token_logprobs, top_logprobs, text_offset");
        }
        int n = tokens.size();
        if (values.size() != n || tops.size() != n || offsets.size() != n) {
            throw malformed(where, "logprobs arrays differ in length (tokens " + n + ", token_logprobs " + values.size()
                    + ", top_logprobs " + tops.size() + ", text_offset " + offsets.size() + ")");
        }
        String[] text = new String[n];
        double[] logprobs = new double[n];
        double[] topMax = new double[n];
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) {
            text[i] = tokens.get(i).asText();
            starts[i] = offsets.get(i).asInt();
            if (i == 0) {
                logprobs[0] = Double.NaN;
                topMax[0] = Double.NaN;
                continue;
            }
            logprobs[i] = number(values.get(i), where, "token_logprobs[" + i + "]");
            topMax[i] = logprobs[i];
            JsonNode top = tops.get(i);
            if (top != null && top.isObject()) {
                for (Iterator<JsonNode> it = top.elements(); it.hasNext(); ) {
                    topMax[i] = Math.max(topMax[i], number(it.next(), where, "top_logprobs[" + i + "]"));
                }
            }
        }
        return new EchoedTokens(text, logprobs, topMax, starts);
    }

    /**
     * vLLM's {@code prompt_logprobs} for the prompt {@code ids} sent: one entry per prompt token, the first null, each
     * an object keyed by token id holding the prompt token's own {@code logprob} and the top alternatives'. The
     * entries carry no offsets, so this route needs the token ids (the served model's tokenizer).
     */
    static EchoedTokens ofPromptLogprobs(JsonNode choice, int[] ids, String where) {
        JsonNode entries = choice.get("prompt_logprobs");
        if (!isArray(entries) || entries.size() != ids.length) {
            throw malformed(where, "prompt_logprobs should hold one entry per prompt token (" + ids.length + "), holds "
                    + (isArray(entries) ? entries.size() : "none"));
        }
        int n = ids.length;
        String[] text = new String[n];
        double[] logprobs = new double[n];
        double[] topMax = new double[n];
        logprobs[0] = Double.NaN;
        topMax[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            JsonNode entry = entries.get(i);
            JsonNode own = entry == null ? null : entry.get(Integer.toString(ids[i]));
            if (own == null || !own.isObject()) {
                throw malformed(where, "prompt_logprobs[" + i + "] has no entry for the prompt token " + ids[i]);
            }
            text[i] = own.path("decoded_token").asText("");
            logprobs[i] = number(own.get("logprob"), where, "prompt_logprobs[" + i + "]." + ids[i] + ".logprob");
            topMax[i] = logprobs[i];
            for (Iterator<JsonNode> it = entry.elements(); it.hasNext(); ) {
                topMax[i] = Math.max(topMax[i], number(it.next().get("logprob"), where, "prompt_logprobs[" + i + "]"));
            }
        }
        text[0] = "";
        return new EchoedTokens(text, logprobs, topMax, new int[n]);
    }

    private static double number(JsonNode v, String where, String field) {
        if (v == null || !v.isNumber()) {
            throw malformed(where, field + " is " + (v == null ? "missing" : v.toString()) + ", not a number");
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || d > CEILING) {
            throw malformed(where, field + " is " + d + ": a log-probability must be finite and not positive");
        }
        return d;
    }

    private static boolean isArray(JsonNode n) {
        return n != null && n.isArray();
    }

    static ServerFailure malformed(String where, String problem) {
        return new ServerFailure(ServerFailure.Kind.MALFORMED, where + " answered a malformed completion: " + problem);
    }
}
