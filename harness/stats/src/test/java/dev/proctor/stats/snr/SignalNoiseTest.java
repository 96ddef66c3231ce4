package dev.proctor.stats.snr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.stats.io.ScoreTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalNoiseTest {

    @Test
    void definitionsOfSnrMetrics() {
        double[] models = {0.30, 0.40, 0.50};
        double[] checkpoints = {0.48, 0.50, 0.52, 0.50};
        assertEquals(0.2 / 0.4, SignalNoise.signal(models), 1e-15);
        double sd = Math.sqrt((0.02 * 0.02 * 2) / 4);
        assertEquals(sd / 0.5, SignalNoise.noise(checkpoints), 1e-15);
        SnrResult r = SignalNoise.of("t", models, checkpoints, SignalVariant.DISPERSION);
        assertEquals(r.signal() / r.noise(), r.snr(), 0.0);
        assertEquals(0.1 / 0.4, SignalNoise.signalStd(models), 1e-15, "std ddof=1 of .3,.4,.5 is .1");
        assertEquals(SignalNoise.signalStd(models), SignalNoise.of("t", models, checkpoints, SignalVariant.STD).signal());
    }

    @Test
    void checkpointAveragingTakesEachModelsLastK() {
        assertEquals(0.5, CheckpointAveraging.lastK(new double[] {0.1, 0.4, 0.6}, 2), 1e-15);
        assertEquals(0.6, CheckpointAveraging.lastK(new double[] {0.1, 0.4, 0.6}, 1), 0.0);
        ScoreTable t = new ScoreTable("t", List.of("m1", "m1", "m2", "m1", "m2"), List.of("a"),
                new double[][] {{0.1}, {0.2}, {0.5}, {0.3}, {0.7}});
        ScoreTable models = CheckpointAveraging.perModel(t, 2);
        assertEquals(List.of("m1", "m2"), models.rows());
        assertEquals(0.25, models.values()[0][0], 1e-15);
        assertEquals(0.6, models.values()[1][0], 1e-15);
    }

    @Test
    void anSnrWithoutAFiniteValueIsUndefinedWithItsReasonNeverZeroOrInfinity() {
        double[] checkpoints = {0.48, 0.50, 0.52};
        assertTrue(SignalNoise.of("t", new double[] {0.3, 0.5}, checkpoints, SignalVariant.DISPERSION).undefined()
                .isEmpty());
        SnrResult one = SignalNoise.of("t", new double[] {0.4}, checkpoints, SignalVariant.DISPERSION);
        assertEquals(0.0, one.snr(), "the reference's raw value");
        assertEquals(Optional.of("one model: a spread across models needs two or more"), one.undefined());
        assertTrue(Double.isNaN(one.reportedSnr()));
        SnrResult flat = SignalNoise.of("t", new double[] {0.3, 0.5}, new double[] {0.5, 0.5, 0.5},
                SignalVariant.DISPERSION);
        assertEquals(Double.POSITIVE_INFINITY, flat.snr());
        assertTrue(flat.undefined().orElseThrow().startsWith("no noise"), flat.undefined().toString());
        SnrResult gap = SignalNoise.of("t", new double[] {0.3, Double.NaN}, checkpoints, SignalVariant.DISPERSION,
                List.of("olmo-1b", "olmo-7b"), List.of("step-1", "step-2", "step-3"));
        assertEquals(Optional.of("no score for olmo-7b"), gap.undefined());
    }

    @Test
    void aColumnTheNoiseTableLacksIsReportedUndefinedNotDropped() {
        ScoreTable signal = new ScoreTable("signal.csv", List.of("m1", "m2"), List.of("a", "b"),
                new double[][] {{0.3, 0.6}, {0.5, 0.7}});
        ScoreTable noise = new ScoreTable("noise.csv", List.of("c1", "c2"), List.of("a"), new double[][] {{0.4}, {0.42}});
        SnrReport report = SnrAnalysis.analyze(signal, noise, null, new SnrSettings(0, 1, SignalVariant.DISPERSION,
                false, java.util.Map.of(), java.util.Map.of()));
        assertEquals(List.of("a", "b"), report.columns().stream().map(SnrResult::column).toList());
        assertTrue(report.columns().get(0).undefined().isEmpty());
        assertEquals(Optional.of("not in the noise table noise.csv"), report.columns().get(1).undefined());
    }
}
