package dev.proctor.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.testkit.RunFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunUncertaintyTest {

    @Test
    void subjectsAndOverallWithMatchingStandardErrors(@TempDir Path dir) {
        var run = RunDirectory.read(new RunFixture().subject("t", "x", "1101101101").subject("t", "y", "10")
                .write(dir, "r"));
        List<UncertaintyRow> rows = RunUncertainty.of(run, ItemMetric.ACC,
                new BootstrapConfig(3000, 2, ConfidenceLevel.NINETY_FIVE));
        assertEquals(List.of("x/subject", "y/subject", "overall/micro", "overall/macro"),
                rows.stream().map(r -> r.group() + "/" + r.averaging()).toList());
        UncertaintyRow x = rows.get(0);
        assertEquals(0.7, x.score(), 1e-15);
        assertEquals(Math.sqrt(0.7 * 0.3 / 10), x.seBinomial(), 1e-15);
        // The bootstrap SE of a proportion approaches the binomial SE (ddof 0): within 10% at B = 3000.
        assertEquals(x.seBinomial(), x.bootstrap().seDdof1(), 0.1 * x.seBinomial());
        UncertaintyRow macro = rows.get(3);
        assertEquals((0.7 + 0.5) / 2, macro.score(), 1e-15);
        assertEquals(Math.hypot(x.seLmEval(), rows.get(1).seLmEval()) / 2, macro.seLmEval(), 1e-15);
        assertTrue(macro.bootstrap().ciLow() < macro.score() && macro.score() < macro.bootstrap().ciHigh());
    }
}
