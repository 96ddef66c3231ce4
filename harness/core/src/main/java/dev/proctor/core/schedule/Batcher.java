package dev.proctor.core.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups sequences into batches under a padded-token budget: longest first, so each batch pads to its first
 * sequence, and a batch grows while {@code size x longest <= budget}. A sequence longer than the budget runs alone.
 */
public final class Batcher {
    /**
     * The rule in words, for keys and provenance of anything whose output depends on how inputs were grouped
     * (batch-dependent encoders): change it together with the code.
     */
    public static final String RULE = "longest first, ties in index order; a batch grows while size x longest <= budget";

    private Batcher() {
    }

    /** Batches of indices into {@code lengths}; ties keep index order, so the result is deterministic. */
    public static List<List<Integer>> batches(int[] lengths, int budgetTokens) {
        return continuations(lengths, 0, budgetTokens, 0);
    }

    /**
     * Batches of continuations of one shared prefix of {@code shared} tokens, each row costing the prefix plus its own
     * new tokens: longest first, a batch grows while {@code size x (shared + longest) <= budget} and its new tokens stay
     * at least {@code minFill} of the new tokens fed (padding included). Short continuations of a long prefix vary
     * a lot in length, and a padded token costs as much as a real one.
     */
    public static List<List<Integer>> continuations(int[] lengths, int shared, int budgetTokens, double minFill) {
        List<Integer> order = IntStream.range(0, lengths.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> lengths[i]).reversed())
                .toList();
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        int longest = 0;
        long real = 0;
        for (int i : order) {
            long size = batch.size() + 1L;
            if (!batch.isEmpty() && (size * (shared + longest) > budgetTokens
                    || real + lengths[i] < minFill * size * longest)) {
                out.add(batch);
                batch = new ArrayList<>();
                real = 0;
            }
            if (batch.isEmpty()) {
                longest = lengths[i];
            }
            batch.add(i);
            real += lengths[i];
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }
}
