package dev.proctor.stats.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.io.Selection;
import dev.proctor.stats.paired.PairedOptions;
import dev.proctor.stats.testkit.RunFixture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedVsFinetunedTest {
    static final PairedOptions OPTIONS = new PairedOptions(new BootstrapConfig(2000, 3, ConfidenceLevel.NINETY_FIVE), 999, 16);

    /** Task "a": merged 0.4 vs fine-tuned 0.9 on 20 items (a clear loss); task "b": 0.8 vs 0.8. */
    @Test
    void normalizedAccuracyAveragesAndSignificantLosses(@TempDir Path dir) {
        RunData merged = RunDirectory.read(new RunFixture()
                .subject("a", "s", "11110000001111000000").subject("b", "s", "1111011110").write(dir.resolve("m"), "m"));
        RunData ftA = RunDirectory.read(new RunFixture().subject("a", "s", "11111111111111111100").write(dir.resolve("fa"), "fa"));
        RunData ftB = RunDirectory.read(new RunFixture().subject("b", "s", "1111011110").write(dir.resolve("fb"), "fb"));
        Map<Selection, RunData> ft = new LinkedHashMap<>();
        ft.put(Selection.parse("a"), ftA);
        ft.put(Selection.parse("b"), ftB);
        MergeSummary s = MergedVsFinetuned.compare(merged, ft, ItemMetric.ACC, OPTIONS);
        TaskComparison a = s.tasks().get(0);
        TaskComparison b = s.tasks().get(1);
        assertEquals(0.4, a.merged(), 1e-15);
        assertEquals(0.9, a.finetuned(), 1e-15);
        assertEquals(0.4 / 0.9, a.normalizedAccuracy(), 1e-15);
        assertEquals(1.0, b.normalizedAccuracy(), 1e-15);
        assertEquals((0.4 / 0.9 + 1.0) / 2, s.averageNormalized(), 1e-15, "TALL-masks avg_normalized_top1");
        assertEquals((0.4 + 0.8) / 2, s.averageMerged(), 1e-15, "TALL-masks avg_top1");
        assertTrue(a.lostSignificantly());
        assertTrue(!b.lostSignificantly());
        assertEquals(List.of("a"), s.lostSignificantly().stream().map(TaskComparison::task).toList());
        assertTrue(a.holmP() <= 2 * a.mcnemar().orElseThrow().exactP() + 1e-15);
    }

    @Test
    void aFineTunedRunWithoutTheTasksItemsIsRefused(@TempDir Path dir) {
        RunData merged = RunDirectory.read(new RunFixture().subject("a", "s", "1").write(dir.resolve("m"), "m"));
        RunData other = RunDirectory.read(new RunFixture().subject("z", "s", "1").write(dir.resolve("f"), "f"));
        ProctorException e = assertThrows(ProctorException.class, () ->
                MergedVsFinetuned.compare(merged, Map.of(Selection.parse("a"), other), ItemMetric.ACC, OPTIONS));
        assertTrue(e.getMessage().contains("has no items of a"), e.getMessage());
    }

    @Test
    void holmStepDown() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, Double.NaN},
                MergedVsFinetuned.holm(new double[] {0.01, 0.04, 0.03, Double.NaN}), 1e-15);
    }
}
