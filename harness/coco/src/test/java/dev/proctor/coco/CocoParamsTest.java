package dev.proctor.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proctor.stats.numeric.NumpyMath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The thresholds carry numpy's exact values, and means are summed in numpy's pairwise order. */
class CocoParamsTest {
    @Test
    void iouThresholdsAreNumpysLinspace() {
        assertArrayEquals(new double[] {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.8999999999999999, 0.95},
                CocoParams.iouThresholds(), 0);
    }

    @Test
    void recallThresholdsAreNumpysLinspace() {
        // the ten values of np.linspace(0, 1, 101) that are not the double nearest i/100 (numpy 1.24 and 2.4)
        Map<Integer, Double> off = Map.of(35, 0.35000000000000003, 41, 0.41000000000000003, 47,
                0.47000000000000003, 57, 0.5700000000000001, 69, 0.6900000000000001, 70, 0.7000000000000001, 82,
                0.8200000000000001, 83, 0.8300000000000001, 94, 0.9400000000000001, 95, 0.9500000000000001);
        double[] r = CocoParams.recallThresholds();
        assertEquals(101, r.length);
        for (int i = 0; i < r.length; i++) {
            assertEquals(off.getOrDefault(i, i / 100.0), r[i], 0, "recThrs[" + i + "]");
        }
    }

    @Test
    void meansAreSummedPairwiseAsNumpySumsThem() {
        double[] r = CocoParams.recallThresholds();
        assertEquals(0.49999999999999994, NumpyMath.mean(r, r.length), 0, "np.mean(np.linspace(0, 1, 101))");
        double plain = 0;
        for (double v : r) {
            plain += v;
        }
        assertEquals(0.5, plain / r.length, 0, "a plain loop gives another last bit");
        assertEquals(Double.NaN, NumpyMath.mean(r, 0));
    }
}
