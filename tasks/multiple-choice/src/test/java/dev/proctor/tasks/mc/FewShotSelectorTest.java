package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.mc.FewShotSampling;
import dev.proctor.api.task.mc.Item;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FewShotSelectorTest {
    private static final List<Item> DEV = IntStream.range(0, 10).mapToObj(i -> item("s/dev/" + i)).toList();
    private static final Item TEST_ITEM = item("s/test/0");

    static Item item(String id) {
        return new Item(id, "s", "question " + id, List.of("a", "b", "c", "d"), 0, new SourceLine(Path.of("f"), 1));
    }

    @Test
    void firstNTakesTheFirstRowsInFileOrder() {
        FewShotSelector selector = new FewShotSelector(FewShotSampling.FIRST_N, 3, 1);
        assertEquals(DEV.subList(0, 3), selector.select(TEST_ITEM, DEV));
    }

    @Test
    void firstNSkipsTheEvaluatedItemWhenEvaluatingDev() {
        FewShotSelector selector = new FewShotSelector(FewShotSampling.FIRST_N, 3, 1);
        assertEquals(List.of(DEV.get(0), DEV.get(2), DEV.get(3)), selector.select(DEV.get(1), DEV));
    }

    @Test
    void fewerDevRowsThanShotsUsesWhatThereIs() {
        FewShotSelector selector = new FewShotSelector(FewShotSampling.SEEDED_RANDOM, 5, 1);
        assertEquals(2, selector.select(TEST_ITEM, DEV.subList(0, 2)).size());
        assertEquals(List.of(DEV.get(0)), new FewShotSelector(FewShotSampling.FIRST_N, 5, 1)
                .select(DEV.get(1), DEV.subList(0, 2)));
    }

    @Test
    void seededRandomNeverIncludesTheEvaluatedItemAndDrawsDistinctExamples() {
        FewShotSelector selector = new FewShotSelector(FewShotSampling.SEEDED_RANDOM, 5, 42);
        for (Item evaluated : DEV) {
            List<Item> shots = selector.select(evaluated, DEV);
            assertEquals(5, shots.size());
            assertFalse(shots.contains(evaluated), evaluated.id());
            assertEquals(5, new HashSet<>(shots).size());
        }
    }

    @Test
    void seededRandomDependsOnSeedAndItemNotOnEvaluationOrder() {
        Map<String, List<Item>> forward = draw(new FewShotSelector(FewShotSampling.SEEDED_RANDOM, 3, 7), DEV);
        List<Item> reversed = new ArrayList<>(DEV);
        java.util.Collections.reverse(reversed);
        assertEquals(forward, draw(new FewShotSelector(FewShotSampling.SEEDED_RANDOM, 3, 7), reversed));
        assertNotEquals(forward, draw(new FewShotSelector(FewShotSampling.SEEDED_RANDOM, 3, 8), DEV));
        // not simply the first rows: the sample varies between items
        assertTrue(new HashSet<>(forward.values()).size() > 1);
    }

    private static Map<String, List<Item>> draw(FewShotSelector selector, List<Item> order) {
        Map<String, List<Item>> out = new TreeMap<>();
        for (Item evaluated : order) {
            out.put(evaluated.id(), selector.select(evaluated, DEV));
        }
        return out;
    }
}
