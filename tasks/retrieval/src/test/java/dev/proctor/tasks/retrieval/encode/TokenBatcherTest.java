package dev.proctor.tasks.retrieval.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBatcherTest {
    @Test
    void batchesLongestFirstUnderTheBudget() {
        int[] lengths = {5, 20, 7, 20, 3, 9};
        List<int[]> plan = TokenBatcher.plan(lengths, 40);
        // sorted: 1 (20), 3 (20), 5 (9), 2 (7), 0 (5), 4 (3)
        assertArrayEquals(new int[] {1, 3}, plan.get(0));
        assertArrayEquals(new int[] {5, 2, 0, 4}, plan.get(1));
        for (int[] batch : plan) {
            int longest = Arrays.stream(batch).map(i -> lengths[i]).max().orElseThrow();
            assertTrue(batch.length == 1 || batch.length * longest <= 40);
        }
        assertEquals(6, plan.stream().mapToInt(b -> b.length).sum());
    }

    @Test
    void aTextLongerThanTheBudgetGoesAlone() {
        List<int[]> plan = TokenBatcher.plan(new int[] {50, 2, 2}, 10);
        assertArrayEquals(new int[] {0}, plan.get(0));
        assertArrayEquals(new int[] {1, 2}, plan.get(1));
    }

    @Test
    void paddingIsOnTheRightWithAZeroMask() {
        PaddedInputs p = PaddedInputs.of(new int[] {1, 0}, new long[][] {{101, 7, 102}, {101, 5, 6, 102}},
                new long[][] {{0, 0, 0}, {0, 0, 0, 0}});
        assertEquals(4, p.length());
        assertArrayEquals(new long[] {101, 5, 6, 102, 101, 7, 102, 0}, p.inputIds());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 0}, p.attentionMask());
        assertArrayEquals(new int[] {4, 3}, p.realLengths());
    }

    @Test
    void meanPoolingIgnoresPadding() {
        // batch 1, length 3, dim 2; the third position is padding
        float[] hidden = {1, 2, 3, 4, 100, 100};
        assertArrayEquals(new double[] {2, 3}, Pooling.MEAN.pool(hidden, 0, 3, 2, 2), 1e-12);
        assertArrayEquals(new double[] {1, 2}, Pooling.CLS.pool(hidden, 0, 3, 2, 2), 1e-12);
    }
}
