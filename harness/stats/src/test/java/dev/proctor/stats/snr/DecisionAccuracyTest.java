package dev.proctor.stats.snr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** decision_acc_fast's strict "&gt;": ties are kept and count by whether both sides say "not greater". */
class DecisionAccuracyTest {

    @Test
    void sameOrderAgreesFully() {
        assertEquals(1.0, DecisionAccuracy.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.5, 0.6, 0.9}));
        assertEquals(0.0, DecisionAccuracy.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.9, 0.6, 0.5}));
    }

    @Test
    void aTieAgreesOnlyWithANotGreaterOrderOnTheOtherSide() {
        // pair (0,1) only: small tied; target_0 < target_1 -> (False == False): agrees
        assertEquals(1.0, DecisionAccuracy.of(new double[] {0.5, 0.5}, new double[] {0.1, 0.2}));
        // small tied; target_0 > target_1 -> (False == True): disagrees
        assertEquals(0.0, DecisionAccuracy.of(new double[] {0.5, 0.5}, new double[] {0.2, 0.1}));
        // tied on both sides: agrees (ties are not dropped)
        assertEquals(1.0, DecisionAccuracy.of(new double[] {0.5, 0.5}, new double[] {0.3, 0.3}));
        // three models: pairs (0,1) agree, (0,2) tie vs greater -> disagree, (1,2) agree
        assertEquals(2.0 / 3, DecisionAccuracy.of(new double[] {0.4, 0.2, 0.4}, new double[] {0.9, 0.1, 0.8}), 1e-15);
    }

    @Test
    void bitsPerByteIsFlippedBeforeRanking() {
        double[] smallBpb = {1.2, 1.0, 0.9};
        double[] targetAcc = {0.3, 0.5, 0.7};
        assertEquals(0.0, DecisionAccuracy.of(smallBpb, targetAcc), "raw bpb ranks the other way");
        assertEquals(1.0, DecisionAccuracy.of(DecisionAccuracy.oriented(smallBpb, true), targetAcc));
        assertTrue(Double.isNaN(DecisionAccuracy.of(new double[] {1}, new double[] {2})));
    }
}
