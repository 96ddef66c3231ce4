package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.lm.LogSoftmax;
import dev.proctor.lm.ScoreQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaddedBatchTest {

    @Test
    void rightPadsWithMaskAndPositionsAndSharesRows() {
        ScoreQuery longer = new ScoreQuery(new int[] {5, 6, 7}, new int[] {2, 2, 1}, new int[] {1, 2, 3});
        ScoreQuery shorter = new ScoreQuery(new int[] {8}, new int[] {0}, new int[] {4});
        PaddedBatch batch = PaddedBatch.of(List.of(longer, shorter), 99, 16);

        assertEquals(2, batch.batchSize());
        assertEquals(3, batch.length());
        assertArrayEquals(new long[] {5, 6, 7, 8, 99, 99}, batch.inputIds());
        assertArrayEquals(new long[] {1, 1, 1, 1, 0, 0}, batch.attentionMask());
        assertArrayEquals(new long[] {0, 1, 2, 0, 0, 0}, batch.positionIds());
        // rows: (0,2) -> 2, (0,1) -> 1, (1,0) -> 3; the two targets at position 2 share one row
        assertArrayEquals(new long[] {2, 1, 3}, batch.rows());
        assertArrayEquals(new int[] {0, 0, 1}, batch.rowOfTarget()[0]);
        assertArrayEquals(new int[] {2}, batch.rowOfTarget()[1]);
    }

    @Test
    void generationPadsOnTheLeftSoEveryRowEndsAtTheLastPosition() {
        PaddedBatch batch = PaddedBatch.lastPositions(List.of(new int[] {5, 6, 7}, new int[] {8}), 99, 16, true);
        assertArrayEquals(new long[] {5, 6, 7, 99, 99, 8}, batch.inputIds());
        assertArrayEquals(new long[] {1, 1, 1, 0, 0, 1}, batch.attentionMask());
        assertArrayEquals(new long[] {0, 1, 2, 0, 0, 0}, batch.positionIds(), "positions count from the first real token");
        assertArrayEquals(new long[] {2, 5}, batch.rows(), "both rows' last token is at position 2");
        PaddedBatch right = PaddedBatch.lastPositions(List.of(new int[] {5, 6, 7}, new int[] {8}), 99, 16, false);
        assertArrayEquals(new long[] {2, 3}, right.rows(), "right-padded, the short row ends at its own position 0");
    }

    @Test
    void queryLongerThanTheContextIsRefused() {
        ScoreQuery query = new ScoreQuery(new int[5], new int[] {4}, new int[] {0});
        ProctorException e = assertThrows(ProctorException.class, () -> PaddedBatch.of(List.of(query), 0, 4));
        assertTrue(e.getMessage().contains("5 tokens") && e.getMessage().contains("context of 4"), e.getMessage());
    }

    @Test
    void logSumExpIsStableForLargeLogits() {
        float[] row = {1000f, 1000f, 0f, 2000f, 2000f};
        assertEquals(2000 + Math.log(2), LogSoftmax.logSumExp(row, 3, 2), 1e-9);
        assertEquals(1000 + Math.log(2 + Math.exp(-1000)), LogSoftmax.logSumExp(row, 0, 3), 1e-9);
    }
}
