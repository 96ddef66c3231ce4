package dev.proctor.stats.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.testkit.RunFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {
    static final PairedOptions OPTIONS = new PairedOptions(new BootstrapConfig(2000, 1, ConfidenceLevel.NINETY_FIVE), 4999, 16);

    @Test
    void rowsPerSubjectCategoryAndOverallMicroAndMacro(@TempDir Path dir) {
        RunData a = RunDirectory.read(new RunFixture().subject("t", "x", "1111111111").subject("t", "y", "11110")
                .write(dir.resolve("a"), "a"));
        RunData b = RunDirectory.read(new RunFixture().subject("t", "x", "1111100000").subject("t", "y", "11110")
                .write(dir.resolve("b"), "b"));
        AlignedItems items = ItemAlignment.align("a", a, "b", b, ItemMetric.ACC);
        List<ComparisonRow> rows = RunComparison.compare(items, Map.of("t:x", List.of("stem"), "t:y", List.of("stem")), OPTIONS);
        assertEquals(List.of("x/subject", "y/subject", "stem/micro", "stem/macro", "overall/micro", "overall/macro"),
                rows.stream().map(r -> r.group() + "/" + r.averaging()).toList());
        ComparisonRow x = rows.get(0);
        assertEquals(0.5, x.diff(), 1e-15);
        assertEquals(5, x.mcnemar().orElseThrow().b());
        assertTrue(x.difference().ciLow() > 0, "A wins 5 of 10 and never loses");
        ComparisonRow y = rows.get(1);
        assertEquals(0.0, y.diff());
        assertEquals(1.0, y.permutation().pTwoSided(), "identical on y");
        ComparisonRow micro = rows.get(4);
        ComparisonRow macro = rows.get(5);
        assertEquals(5.0 / 15, micro.diff(), 1e-15);
        assertEquals(0.25, macro.diff(), 1e-15, "mean of subject differences 0.5 and 0");
        assertTrue(macro.mcnemar().isEmpty(), "McNemar counts questions: not for a macro average");
        assertEquals(micro.permutation().pTwoSided(), macro.permutation().pTwoSided(), 1e-12,
                "all discordant items are in x, so both statistics flip together");
    }
}
