package dev.proctor.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatcherTest {

    @Test
    void fillsLongestFirstUnderTheBudget() {
        int[] lengths = {5, 10, 3, 10, 7};
        assertEquals(List.of(List.of(1, 3), List.of(4, 0), List.of(2)), Batcher.batches(lengths, 20));
    }

    @Test
    void continuationsCountTheSharedPrefixInEveryRowAndCloseABatchBeforeTooMuchPadding() {
        int[] lengths = {10, 9, 10, 2, 8};
        // budget 70 after a 20-token prefix: at most 2 rows of (20 + 10)
        assertEquals(List.of(List.of(0, 2), List.of(1, 4), List.of(3)), Batcher.continuations(lengths, 20, 70, 0));
        // no prefix, a large budget: 10, 10, 9, 8 fill 37 of 40 fed; adding 2 would fill 39 of 50, under 0.9
        assertEquals(List.of(List.of(0, 2, 1, 4), List.of(3)), Batcher.continuations(lengths, 0, 1000, 0.9));
        assertEquals(Batcher.batches(lengths, 25), Batcher.continuations(lengths, 0, 25, 0));
    }

    @Test
    void aSequenceLongerThanTheBudgetRunsAlone() {
        assertEquals(List.of(List.of(0), List.of(1, 2)), Batcher.batches(new int[] {50, 5, 5}, 20));
        assertEquals(List.of(List.of(0), List.of(1), List.of(2)), Batcher.batches(new int[] {3, 2, 1}, 1));
    }

    @Test
    void noBatchExceedsTheBudgetUnlessSingleAndOrderIsDescending() {
        Random random = new Random(3);
        int[] lengths = random.ints(500, 1, 300).toArray();
        List<List<Integer>> batches = Batcher.batches(lengths, 1024);
        List<Integer> flat = new ArrayList<>();
        for (List<Integer> batch : batches) {
            int longest = batch.stream().mapToInt(i -> lengths[i]).max().orElseThrow();
            assertTrue(batch.size() == 1 || batch.size() * longest <= 1024, batch.toString());
            flat.addAll(batch);
        }
        assertEquals(lengths.length, flat.size());
        for (int i = 1; i < flat.size(); i++) {
            assertTrue(lengths[flat.get(i - 1)] >= lengths[flat.get(i)]);
        }
    }
}
