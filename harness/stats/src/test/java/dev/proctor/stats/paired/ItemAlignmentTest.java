package dev.proctor.stats.paired;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.testkit.RunFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemAlignmentTest {

    @Test
    void pairsItemsByTaskAndId(@TempDir Path dir) {
        RunData a = RunDirectory.read(new RunFixture().subject("t", "s", "110").write(dir.resolve("a"), "a"));
        RunData b = RunDirectory.read(new RunFixture().subject("t", "s", "011").write(dir.resolve("b"), "b"));
        AlignedItems items = ItemAlignment.align("A", a, "B", b, ItemMetric.ACC);
        assertEquals(3, items.size());
        assertArrayEquals(new double[] {1, 1, 0}, items.a(), 0.0);
        assertArrayEquals(new double[] {0, 1, 1}, items.b(), 0.0);
    }

    @Test
    void refusesRunsWithDifferentItemsNamingCountsAndIds(@TempDir Path dir) {
        RunData a = RunDirectory.read(new RunFixture().subject("t", "s", "11011").write(dir.resolve("a"), "a"));
        RunData b = RunDirectory.read(new RunFixture().subject("t", "s", "110").subject("t", "z", "1").write(dir.resolve("b"), "b"));
        ProctorException e = assertThrows(ProctorException.class, () -> ItemAlignment.align("A", a, "B", b, ItemMetric.ACC));
        String m = e.getMessage();
        assertTrue(m.contains("A has 5 items, B has 4"), m);
        assertTrue(m.contains("2 only in A (first: t/s-3, t/s-4)"), m);
        assertTrue(m.contains("1 only in B (first: t/z-0)"), m);
    }

    @Test
    void refusesTheSameIdOverDifferentData(@TempDir Path dir) {
        RunData a = RunDirectory.read(new RunFixture().add("t", "s", "q1", true, 1).write(dir.resolve("a"), "a"));
        RunData b = RunDirectory.read(new RunFixture().add("t", "other", "q1", true, 1).write(dir.resolve("b"), "b"));
        ProctorException e = assertThrows(ProctorException.class, () -> ItemAlignment.align("A", a, "B", b, ItemMetric.ACC));
        assertTrue(e.getMessage().contains("item t/q1 differs"), e.getMessage());
    }
}
