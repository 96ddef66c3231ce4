package dev.proctor.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** roc_curve's points, drop_intermediate and thresholds; AUROC with ties counted half; TPR at 1% FPR. */
class RocCurveTest {

    @Test
    void sklearnsDocumentedExample() {
        // sklearn's roc_curve docstring: y = [1, 1, 2, 2], scores [0.1, 0.4, 0.35, 0.8], pos_label=2
        RocCurve c = RocCurve.of(new boolean[] {false, false, true, true}, new double[] {0.1, 0.4, 0.35, 0.8}, true);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, c.fpr(), 0.0);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, c.tpr(), 0.0);
        assertArrayEquals(new double[] {1.8, 0.8, 0.4, 0.35, 0.1}, c.thresholds(), 0.0);
        assertEquals(0.75, c.area(), 0.0);
    }

    @Test
    void aTieBetweenAPositiveAndANegativeCountsHalf() {
        RocCurve c = RocCurve.of(new boolean[] {true, false}, new double[] {0.5, 0.5}, true);
        assertArrayEquals(new double[] {0, 1}, c.fpr(), 0.0, "one point for the tied pair: a diagonal step");
        assertEquals(0.5, c.area(), 0.0);
        // positives 0.9 and 0.5, negatives 0.5 and 0.1: 0.9 beats both, 0.5 ties one and beats the other
        RocCurve d = RocCurve.of(new boolean[] {true, true, false, false}, new double[] {0.9, 0.5, 0.5, 0.1}, true);
        assertEquals((2 + 0.5 + 1) / 4, d.area(), 0.0);
    }

    @Test
    void dropIntermediateKeepsOnlyWhereTheCurveBends() {
        boolean[] y = {true, true, true, false, false, false};
        double[] s = {6, 5, 4, 3, 2, 1};
        RocCurve dropped = RocCurve.of(y, s, true);
        assertArrayEquals(new double[] {0, 0, 0, 1}, dropped.fpr(), 0.0);
        assertArrayEquals(new double[] {0, 1.0 / 3, 1, 1}, dropped.tpr(), 0.0);
        assertArrayEquals(new double[] {7, 6, 4, 1}, dropped.thresholds(), 0.0, "first threshold: max + 1");
        assertEquals(7, RocCurve.of(y, s, false).fpr().length, "every distinct score, and the origin");
        assertEquals(1.0, dropped.area(), 0.0);
    }

    @Test
    void areaEqualsTheMannWhitneyStatisticWithTiesCountedHalf() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + random.nextInt(300);
            boolean[] y = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = i == 0 || (i > 1 && random.nextBoolean());
                s[i] = Math.round(random.nextDouble() * 10) / 10.0; // few distinct scores: many ties
            }
            double pairs = 0;
            double ordered = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (y[i] && !y[j]) {
                        pairs++;
                        ordered += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            assertEquals(ordered / pairs, RocCurve.of(y, s, true).area(), 1e-12, "trial " + trial);
            assertEquals(ordered / pairs, RocCurve.of(y, s, false).area(), 1e-12, "trial " + trial);
        }
    }

    @Test
    void tprAtOnePercentFprIsReadAtTheLargestFprNotAboveIt() {
        // 200 negatives (an FPR step of 0.005) and 10 positives: three tied pairs on top, then 7 positives, then
        // the other 197 negatives. Full curve (fps, tps): (1,1) (2,2) (3,3) (3,10) (200,10).
        int n = 210;
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < 3; i++) {
            y[2 * i] = true;
            s[2 * i] = s[2 * i + 1] = 0.9 - 0.1 * i;
        }
        for (int i = 6; i < 13; i++) {
            y[i] = true;
            s[i] = 0.6;
        }
        for (int i = 13; i < n; i++) {
            s[i] = 0.2;
        }
        assertEquals(0.2, RocCurve.of(y, s, false).tprAtFpr(0.01), 0.0, "at FPR 2/200 = 0.01, TPR 2/10");
        assertEquals(0.1, RocCurve.of(y, s, true).tprAtFpr(0.01), 0.0,
                "sklearn's default curve drops (2,2), which lies on the straight run (1,1)-(3,3)");
        assertEquals(0.1, RocCurve.of(y, s, false).tprAtFpr(0.005), 0.0);
        assertEquals(0.0, RocCurve.of(y, s, false).tprAtFpr(0.0), 0.0);
    }

    @Test
    void oneClassOnlyGivesNaNRatesAsSklearnDoes() {
        RocCurve c = RocCurve.of(new boolean[] {true, true}, new double[] {0.2, 0.4}, true);
        assertTrue(Double.isNaN(c.fpr()[1]) && Double.isNaN(c.area()) && Double.isNaN(c.tprAtFpr(0.01)));
    }
}
