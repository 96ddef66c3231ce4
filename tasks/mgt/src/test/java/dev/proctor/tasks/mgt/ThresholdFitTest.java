package dev.proctor.tasks.mgt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.request.EmbedRequest;
import dev.proctor.api.task.FitExample;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.TaskItem;
import dev.proctor.tasks.mgt.detect.ItemValues;
import dev.proctor.tasks.mgt.detect.ThresholdFit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdFitTest {

    @Test
    void choosesTheLowestThresholdOfTheBestDevAccuracy() {
        // human 0.1, 0.2, 0.4; machine 0.3, 0.5: thresholds 0.25 and 0.45 both get 4 of 5 right
        ThresholdFit fit = ThresholdFit.choose(examples(new double[] {0.4, 0.1, 0.5, 0.3, 0.2},
                new int[] {0, 0, 1, 1, 0}), "dev");
        assertEquals(0.25, fit.threshold(), 1e-15);
        assertEquals(0.8, (double) fit.describe().get("fitAccuracy"), 1e-15);
        assertEquals("dev", fit.describe().get("chosenOn"));
        ItemScore decided = fit.apply(null, ItemValues.unfitted(0, 0.25, Map.of()), List.of());
        assertEquals(1.0, decided.value(ItemValues.PRED), "a score equal to the threshold is machine");
        assertEquals(0.0, decided.value(ItemValues.ACC));
    }

    @Test
    void tiedScoresMoveTogetherAndTheExtremesAreCandidates() {
        // every machine text scores below every human one: the best rule is all-human (above the highest score)
        ThresholdFit allHuman = ThresholdFit.choose(examples(new double[] {1, 1, 2, 2, 2}, new int[] {1, 0, 0, 0, 0}),
                "dev");
        assertEquals(Math.nextUp(2.0), allHuman.threshold());
        ThresholdFit allMachine = ThresholdFit.choose(examples(new double[] {3, 3, 3}, new int[] {1, 1, 0}), "dev");
        assertEquals(3.0, allMachine.threshold(), "all machine: the lowest score itself");
        assertTrue((double) allMachine.describe().get("fitAccuracy") > 0.66);
    }

    @Test
    void noFitItemsIsAnError() {
        ProctorException e = assertThrows(ProctorException.class, () -> ThresholdFit.choose(List.of(), "dev"));
        assertTrue(e.getMessage().contains("no dev item"), e.getMessage());
    }

    private static List<FitExample> examples(double[] scores, int[] labels) {
        List<FitExample> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            TaskItem item = new TaskItem("dev/" + i, "s", new SourceLine(Path.of("dev.jsonl"), i + 1), "t",
                    List.of(new EmbedRequest("t", EmbedRequest.Role.PASSAGE)), labels[i], Map.of("split", "dev"),
                    r -> null);
            out.add(new FitExample(item, ItemValues.unfitted(labels[i], scores[i], Map.of()), List.of()));
        }
        return out;
    }
}
