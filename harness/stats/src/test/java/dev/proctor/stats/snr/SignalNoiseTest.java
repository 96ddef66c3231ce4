package dev.proctor.stats.snr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proctor.stats.io.ScoreTable;
import java.util.List;
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
}
