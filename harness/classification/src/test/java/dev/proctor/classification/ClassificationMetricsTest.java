package dev.proctor.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole report: label order, the positive class, undefined values with reasons, MAE. */
class ClassificationMetricsTest {
    private static List<Label> texts(String... values) {
        return java.util.Arrays.stream(values).map(Label::of).toList();
    }

    @Test
    void stringLabelsAreReportedInSortedOrderAndTheGreaterIsPositive() {
        List<Label> gold = texts("machine", "human", "machine", "Human");
        List<Label> predicted = texts("machine", "machine", "human", "Human");
        ClassificationReport r = ClassificationMetrics.evaluate(gold, predicted, null, ClassificationOptions.defaults());
        assertEquals(texts("Human", "human", "machine"), r.labels(), "capitals first, by code point");
        assertEquals(List.of("Human", "human", "machine"),
                r.scores().perClass().stream().map(c -> c.label().text()).toList());
        assertEquals(0.5, r.accuracy(), 0.0);
        assertTrue(Double.isNaN(r.auroc()));
        assertEquals("the predictions carry no \"score\"", r.undefined().get(ClassificationReport.AUROC));

        ClassificationReport binary = ClassificationMetrics.evaluate(texts("human", "machine", "machine"),
                texts("human", "machine", "human"), new double[] {0.1, 0.9, 0.4}, ClassificationOptions.defaults());
        assertEquals(Optional.of(Label.of("machine")), binary.positive(), "label_binarize: the second sorted class");
        assertEquals(1.0, binary.auroc(), 0.0);
        assertEquals(1.0, binary.tprAt1pctFpr(), 0.0);
        ClassificationReport flipped = ClassificationMetrics.evaluate(texts("human", "machine", "machine"),
                texts("human", "machine", "human"), new double[] {0.1, 0.9, 0.4},
                ClassificationOptions.defaults().withPositive(Label.of("human")));
        assertEquals(0.0, flipped.auroc(), 0.0, "the same scores read as the other class's");
    }

    @Test
    void aurocWithOneClassInGoldIsUndefinedWithTheReason() {
        ClassificationReport r = ClassificationMetrics.evaluate(PrecisionRecallF1Test.ints(0, 0, 0),
                PrecisionRecallF1Test.ints(0, 1, 0), new double[] {0.1, 0.8, 0.3}, ClassificationOptions.defaults());
        assertTrue(Double.isNaN(r.auroc()) && Double.isNaN(r.tprAt1pctFpr()));
        String reason = r.undefined().get(ClassificationReport.AUROC);
        assertTrue(reason.contains("no item of the positive class 1")
                && reason.contains("Only one class present in y_true"), reason);
        assertEquals(reason, r.undefined().get(ClassificationReport.TPR_AT_1PCT_FPR));
        assertEquals(0.0, r.mcc(), 0.0, "sklearn's MCC is 0 with one class in gold");
    }

    @Test
    void scoresWithMoreThanTwoLabelsNeedThePositiveClassNamed() {
        List<Label> three = PrecisionRecallF1Test.ints(0, 1, 2);
        ProctorException e = assertThrows(ProctorException.class, () -> ClassificationMetrics.evaluate(three, three,
                new double[] {0.1, 0.2, 0.3}, ClassificationOptions.defaults()));
        assertTrue(e.getMessage().contains("3 labels (0, 1, 2)") && e.getMessage().contains("--positive"),
                e.getMessage());
        ClassificationReport oneVsRest = ClassificationMetrics.evaluate(three, three, new double[] {0.1, 0.2, 0.3},
                ClassificationOptions.defaults().withPositive(Label.of(2)));
        assertEquals(1.0, oneVsRest.auroc(), 0.0);
        ProctorException unknown = assertThrows(ProctorException.class, () -> ClassificationMetrics.evaluate(three,
                three, new double[] {0.1, 0.2, 0.3}, ClassificationOptions.defaults().withPositive(Label.of(7))));
        assertTrue(unknown.getMessage().contains("positive label 7 is not among the labels (0, 1, 2)"),
                unknown.getMessage());
    }

    @Test
    void meanAbsoluteErrorOfWordPositions() {
        assertEquals(2.0, ClassificationMetrics.meanAbsoluteError(new long[] {10, 0, 5}, new long[] {12, 0, 1}), 0.0);
        assertEquals(1.0 / 3, ClassificationMetrics.meanAbsoluteError(new long[] {1, 1, 1}, new long[] {1, 2, 1}),
                0.0);
    }
}
