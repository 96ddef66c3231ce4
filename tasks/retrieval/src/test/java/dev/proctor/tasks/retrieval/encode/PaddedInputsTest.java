package dev.proctor.tasks.retrieval.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Padded inputs, pooling over the mask, and the encoder's batches (the scheduler's token-budget rule). */
class PaddedInputsTest {
    @Test
    void theEncoderBatchesLongestFirstUnderTheBudget() {
        List<String> texts = List.of("bread", "how long should coffee steep in a french press", "tea",
                "why do you need to knead bread dough every single morning", "rain");
        try (DjlTextEncoder encoder = DjlTextEncoder.open(TorchScriptEncoderTest.spec(EncoderEngine.ONNX), 24)) {
            List<PaddedInputs> plan = encoder.plan(texts);
            assertEquals(3, plan.get(0).indices()[0], "the longest text leads");
            int previous = Integer.MAX_VALUE;
            for (PaddedInputs batch : plan) {
                assertTrue(batch.batchSize() == 1 || batch.batchSize() * batch.length() <= 24,
                        batch.batchSize() + " x " + batch.length());
                assertTrue(batch.length() <= previous, "longest first");
                previous = batch.length();
            }
            assertEquals(texts.size(), plan.stream().mapToInt(PaddedInputs::batchSize).sum());
            assertTrue(plan.size() > 1 && plan.size() < texts.size(), plan.size() + " batches");
        }
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
