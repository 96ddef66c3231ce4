package dev.proctor.api.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proctor.api.task.ItemScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value is kept while the same items come back, and recomputed when the one refilled list holds others. */
class LastDrawTest {
    @Test
    void keptForTheSameItemsRecomputedForOthersEvenInTheSameList() {
        ItemScore a = new ItemScore(Map.of("x", 1.0), 1, Map.of());
        ItemScore b = new ItemScore(Map.of("x", 1.0), 1, Map.of()); // equal to a, but another item
        int[] computed = {0};
        LastDraw<Integer> last = new LastDraw<>(items -> ++computed[0]);
        List<ItemScore> draw = new ArrayList<>(List.of(a, a));
        assertEquals(1, last.get(draw));
        assertEquals(1, last.get(draw), "the same draw: kept");
        assertEquals(1, last.get(List.of(a, a)), "the same items in another list: kept");
        draw.set(1, b);
        assertEquals(2, last.get(draw), "the refilled list holds another item: recomputed");
        assertEquals(3, last.get(List.of(b, a)), "the same items in another order: recomputed");
        assertEquals(4, last.get(List.of(b)), "fewer items: recomputed");
    }
}
