package dev.proctor.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LogSoftmaxTest {

    @Test
    void topKIsLargestFirstWithTiesToTheLowerIdOfOneRow() {
        float[] rows = {9, 9, 9, 0.5f, 3, 0.5f, 7, 3, 1, 2};
        assertArrayEquals(new int[] {3, 1, 4}, LogSoftmax.topK(rows, 3, 7, 3), "ids within the row from offset 3");
        assertArrayEquals(new int[] {0, 1, 2, 6, 4, 7, 9, 8, 3, 5}, LogSoftmax.topK(rows, 0, 10, 10));
        assertArrayEquals(new int[0], LogSoftmax.topK(rows, 0, 10, 0));
        org.junit.jupiter.api.Assertions.assertEquals(4, LogSoftmax.rank(rows, 0, 10, 6), "three 9s above the 7");
        org.junit.jupiter.api.Assertions.assertEquals(1, LogSoftmax.rank(rows, 0, 10, 1), "ties share the rank");
    }
}
