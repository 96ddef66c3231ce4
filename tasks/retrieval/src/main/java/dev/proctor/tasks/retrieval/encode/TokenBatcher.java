package dev.proctor.tasks.retrieval.encode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups texts into forward calls under a budget of padded tokens: sorted longest first (so each batch pads to
 * its first text and neighbours have similar lengths), a batch takes texts while {@code count x longest <=
 * budget}. A text longer than the budget gets a batch of its own. Equal lengths keep input order, so the plan
 * is deterministic.
 */
public final class TokenBatcher {
    private TokenBatcher() {
    }

    /** @return batches of indices into {@code lengths} */
    public static List<int[]> plan(int[] lengths, int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("token budget must be positive: " + budget);
        }
        Integer[] order = IntStream.range(0, lengths.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> lengths[i]).reversed());
        List<int[]> batches = new ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int longest = lengths[order[start]];
            int end = start + 1;
            while (end < order.length && (long) (end - start + 1) * longest <= budget) {
                end++;
            }
            batches.add(Arrays.stream(order, start, end).mapToInt(Integer::intValue).toArray());
            start = end;
        }
        return batches;
    }
}
