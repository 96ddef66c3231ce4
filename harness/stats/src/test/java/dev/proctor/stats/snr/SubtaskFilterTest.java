package dev.proctor.stats.snr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.stats.io.ScoreTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made task of three subtasks. By SNR alone: s2 (16.0), s1 (14.1), s3 (0.94, it does not separate the
 * models). s1 and s2 fluctuate out of step across checkpoints, so their mean is quieter than either: the top-2
 * aggregate reaches SNR 20.8, and adding s3 drops it to 13.5. The best prefix is therefore {s2, s1}, neither the
 * single best subtask nor all of them. (Values checked with numpy.)
 */
class SubtaskFilterTest {
    static final ScoreTable MODELS = new ScoreTable("models", List.of("m1", "m2", "m3"), List.of("t:s1", "t:s2", "t:s3"),
            new double[][] {{.40, .42, .50}, {.50, .50, .49}, {.60, .58, .51}});
    static final ScoreTable CHECKPOINTS = new ScoreTable("ckpts", List.of("100", "200", "300", "400"),
            List.of("t:s1", "t:s2", "t:s3"),
            new double[][] {{.50, .51, .50}, {.52, .49, .53}, {.50, .51, .47}, {.48, .49, .50}});

    @Test
    void keepsTheBestPrefixBySubtaskSnr() {
        FilterResult r = SubtaskFilter.filter("t", List.of("t:s1", "t:s2", "t:s3"), null, MODELS, CHECKPOINTS,
                SignalVariant.DISPERSION);
        assertEquals(List.of("t:s2", "t:s1", "t:s3"), r.steps().stream().map(FilterStep::added).toList());
        assertEquals(16.0, r.steps().get(0).subtask().snr(), 1e-12);
        assertEquals(20.7846096908265, r.steps().get(1).aggregate().snr(), 1e-12);
        assertEquals(13.510489751794118, r.steps().get(2).aggregate().snr(), 1e-12);
        assertEquals(2, r.bestK());
        assertEquals(List.of("t:s2", "t:s1"), r.selected());
    }

    @Test
    void weightsByItemCountChangeTheAggregate() {
        FilterResult equal = SubtaskFilter.filter("t", List.of("t:s1", "t:s2"), null, MODELS, CHECKPOINTS, SignalVariant.DISPERSION);
        FilterResult weighted = SubtaskFilter.filter("t", List.of("t:s1", "t:s2"), new double[] {100, 1}, MODELS, CHECKPOINTS,
                SignalVariant.DISPERSION);
        assertTrue(Math.abs(equal.all().aggregate().snr() - weighted.all().aggregate().snr()) > 1,
                "s1 dominates the weighted mean");
    }

    /** The kept list holds one selection per line, comments after {@code #}: what {@code --tasks @file} reads (core's test reads it back). */
    @Test
    void theTaskListHasOneSelectionPerLine(@TempDir Path dir) throws IOException {
        FilterResult r = SubtaskFilter.filter("t", List.of("t:s1", "t:s2", "t:s3"), null, MODELS, CHECKPOINTS,
                SignalVariant.DISPERSION);
        Path file = dir.resolve("kept.txt");
        TaskListFile.write(file, List.of(r), "made by a test\nsecond line");
        assertEquals(List.of("t:s2", "t:s1"), java.nio.file.Files.readAllLines(file).stream()
                .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList());
        assertTrue(TaskListFile.render(List.of(r), "x").contains("# t: best 2 of 3 subtasks by SNR"));
    }

    @Test
    void theAnalysisFiltersEveryTaskAndComputesDecisionAccuracy() {
        ScoreTable target = new ScoreTable("target", List.of("m1", "m2", "m3"), List.of("t:s1", "t:s2", "t:s3"),
                new double[][] {{.5, .5, .6}, {.6, .6, .5}, {.7, .7, .4}});
        SnrReport report = SnrAnalysis.analyze(MODELS, CHECKPOINTS, target, new SnrSettings(0, 1,
                SignalVariant.DISPERSION, false, Map.of("t", List.of("t:s1", "t:s2", "t:s3")), Map.of()));
        assertEquals(3, report.columns().size());
        assertEquals(1, report.filters().size());
        assertEquals(1.0, report.decisionAccuracy().get("t:s1"));
        assertEquals(1.0 / 3, report.decisionAccuracy().get("t:s3"), 1e-15, "s3 keeps only the order of m1 over m2");
        SnrReport lastTwo = SnrAnalysis.analyze(MODELS, CHECKPOINTS, null, new SnrSettings(2, 1,
                SignalVariant.DISPERSION, false, Map.of(), Map.of()));
        assertEquals(List.of("300", "400"), lastTwo.checkpoints());
        assertEquals(2, lastTwo.columns().get(0).checkpoints());
    }
}
