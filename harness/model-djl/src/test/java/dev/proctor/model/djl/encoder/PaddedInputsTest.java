package dev.proctor.model.djl.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Padded inputs and pooling over the mask. */
class PaddedInputsTest {
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
