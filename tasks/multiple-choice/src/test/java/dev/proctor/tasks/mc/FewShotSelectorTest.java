package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.mc.FewShotSampling;
import dev.proctor.api.task.mc.Item;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The examples lm-evaluation-harness's samplers draw, draw for draw (expected draws made by CPython). */
class FewShotSelectorTest {
    private static final Item TEST_ITEM = item("s/test/0", 1000);

    static Item item(String id, int n) {
        return new Item(id, "s", "question " + n, List.of("a", "b", "c", "d"), 0, new SourceLine(Path.of("f"), 1));
    }

    private static List<Item> dev(int n) {
        return IntStream.range(0, n).mapToObj(i -> item("s/dev/" + i, i)).toList();
    }

    private static JsonNode cases() throws IOException {
        try (InputStream in = FewShotSelectorTest.class.getResourceAsStream("python-random-cases.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<Integer> indices(List<Item> items) {
        return items.stream().map(i -> Integer.parseInt(i.question().substring("question ".length()))).toList();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asInt()));
        return out;
    }

    @Test
    void firstNTakesTheFirstRowsInFileOrderAndLeavesOutTheEvaluatedRowOnDev() {
        List<Item> dev = dev(10);
        assertEquals(List.of(0, 1, 2), indices(new FewShotSelector(FewShotSampling.FIRST_N, 3, 1, false)
                .select(TEST_ITEM, dev)));
        FewShotSelector onDev = new FewShotSelector(FewShotSampling.FIRST_N, 3, 1, true);
        assertEquals(List.of(0, 2, 3), indices(onDev.select(dev.get(1), dev)));
    }

    @Test
    void theSeededSamplerIsOneGeneratorAdvancingFromItemToItemAsLmEvals() throws IOException {
        JsonNode expected = cases().get("successive");
        List<Item> dev = dev(expected.get("n").asInt());
        FewShotSelector selector = new FewShotSelector(FewShotSampling.SEEDED_RANDOM, expected.get("k").asInt(),
                expected.get("seed").asLong(), false);
        for (JsonNode draw : expected.get("results")) {
            assertEquals(ints(draw), indices(selector.select(TEST_ITEM, dev)));
        }
    }

    @Test
    void onTheDevSplitItDrawsOneMoreAndDropsTheEvaluatedItemAsLmEvals() throws IOException {
        JsonNode expected = cases().get("same_split");
        List<Item> dev = dev(expected.get("n").asInt());
        FewShotSelector selector = new FewShotSelector(FewShotSampling.SEEDED_RANDOM, expected.get("k").asInt(),
                expected.get("seed").asLong(), true);
        for (int d = 0; d < dev.size(); d++) {
            List<Item> shots = selector.select(dev.get(d), dev);
            assertEquals(ints(expected.get("results").get(d)), indices(shots), "document " + d);
            assertFalse(shots.contains(dev.get(d)));
        }
    }

    @Test
    void noShotsDrawNothing() {
        FewShotSelector none = new FewShotSelector(FewShotSampling.SEEDED_RANDOM, 0, 1, false);
        assertEquals(List.of(), none.select(TEST_ITEM, dev(3)));
    }
}
