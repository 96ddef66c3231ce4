package dev.proctor.tasks.mgt.detect;

import dev.proctor.api.request.TokenStatistics;
import dev.proctor.api.task.ItemScore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Subtask C's zero-shot change point: each scored token belongs to the word (of {@code text.split(" ")}) its last
 * character falls in; the predicted boundary k (the first machine word) is the one of 1..W-1 with the largest mean
 * log-likelihood of the tokens from word k on minus that of the tokens before it, both sides holding at least one
 * scored token (the first such k on ties). Words beyond the observed tokens cannot be chosen; with no candidate the
 * prediction is word 0 (all machine), recorded.
 */
public final class Boundary {
    private Boundary() {
    }

    public static ItemScore score(String text, int gold, TokenStatistics s) {
        int[] wordOfChar = wordOfChar(text);
        int words = text.split(" ", -1).length;
        // token i (1..n-1) is predicted at position i-1; it lies in the word of its last character
        double[] sum = new double[words];
        int[] count = new int[words];
        for (int i = 1; i < s.tokens(); i++) {
            int end = Math.min(s.tokenEnds()[i], text.length());
            if (end <= 0) {
                continue;
            }
            int w = wordOfChar[end - 1];
            sum[w] += s.logProbs()[i - 1];
            count[w]++;
        }
        double total = 0;
        int totalCount = 0;
        for (int w = 0; w < words; w++) {
            total += sum[w];
            totalCount += count[w];
        }
        int predicted = 0;
        double best = Double.NEGATIVE_INFINITY;
        double head = 0;
        int headCount = 0;
        for (int k = 1; k < words; k++) {
            head += sum[k - 1];
            headCount += count[k - 1];
            int tailCount = totalCount - headCount;
            if (headCount == 0 || tailCount == 0) {
                continue;
            }
            double gap = (total - head) / tailCount - head / headCount;
            if (gap > best) {
                best = gap;
                predicted = k;
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(ItemValues.MAE, (double) Math.abs(predicted - gold));
        values.put(ItemValues.GOLD, (double) gold);
        values.put(ItemValues.PRED, (double) predicted);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("words", words);
        details.put("tokens", s.tokens());
        details.put("truncated", s.truncated());
        if (best == Double.NEGATIVE_INFINITY) {
            details.put("noCandidate", "no word boundary has scored tokens on both sides; predicted 0");
        } else {
            details.put("gap", best);
        }
        return new ItemScore(values, predicted, details);
    }

    /** For each character of the text, the index of its word in {@code text.split(" ")}; a space counts as the next. */
    private static int[] wordOfChar(String text) {
        int[] out = new int[text.length()];
        int w = 0;
        for (int c = 0; c < text.length(); c++) {
            if (text.charAt(c) == ' ') {
                w++;
            }
            out[c] = w;
        }
        return out;
    }
}
