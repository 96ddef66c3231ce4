package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.model.ModelSpec;
import dev.proctor.lm.KvCache;
import dev.proctor.lm.KvCache.Extended;
import dev.proctor.lm.KvCache.Extension;
import dev.proctor.lm.ScoreQuery;
import dev.proctor.lm.TargetScores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded tiny GPT exported with past key values ({@code tiny-gpt-past}, the same weights as {@code tiny-gpt}):
 * scores after a cached prefix, and greedy decoding step by step, equal running every sequence whole.
 */
class OnnxKvCacheTest {
    private static final Path PAST_DIR = TinyGpt.DIR.resolveSibling("tiny-gpt-past");
    private static final double TOLERANCE = 1e-4;
    private static OnnxCausalLm cached;
    private static OnnxCausalLm whole;
    private static OnnxCausalLm plain;

    @BeforeAll
    static void load() {
        cached = OnnxCausalLm.load(new ModelSpec("onnx", PAST_DIR.toString(), "cpu", Map.of()));
        whole = OnnxCausalLm.load(new ModelSpec("onnx", PAST_DIR.toString(), "cpu", Map.of("kv-cache", "off")));
        plain = OnnxCausalLm.load(new ModelSpec("onnx", TinyGpt.dir().toString(), "cpu", Map.of()));
    }

    @AfterAll
    static void close() {
        cached.close();
        whole.close();
        plain.close();
    }

    @Test
    void onlyTheGraphWithPastOffersACacheAndProvenanceSaysWhetherItIsOn() {
        assertTrue(cached.kvCache().isPresent());
        assertTrue(whole.kvCache().isEmpty());
        assertTrue(plain.kvCache().isEmpty());
        assertEquals("on (8 past tensors)", cached.info().identity().get("kvCache"));
        assertEquals("off (8 past tensors)", whole.info().identity().get("kvCache"));
        assertNull(plain.info().identity().get("kvCache"));
    }

    @Test
    void withAnEmptyPastTheGraphScoresAsTinyGpt() {
        Random random = new Random(7);
        List<ScoreQuery> batch = List.of(everyPosition(tokens(random, 40), random), everyPosition(tokens(random, 9),
                random), everyPosition(tokens(random, 1), random));
        assertClose(plain.score(batch), whole.score(batch));
    }

    @Test
    void scoresAfterACachedPrefixEqualTheWholeSequences() {
        Random random = new Random(11);
        KvCache cache = cached.kvCache().orElseThrow();
        int[] a = tokens(random, 37);
        int[][] b = {tokens(random, 5), tokens(random, 12), tokens(random, 1)};
        int[][] c = {tokens(random, 7), tokens(random, 3)};
        ScoreQuery qa = everyPosition(a, random);
        List<Extended> first = cache.extend(null, List.of(new Extension(qa, true)));
        try (KvCache.Past pastA = first.get(0).past()) {
            assertEquals(37, pastA.length());
            assertClose(whole.score(List.of(qa)), List.of(first.get(0).scores()));
            List<ScoreQuery> qb = List.of(everyPosition(b[0], random), everyPosition(b[1], random),
                    everyPosition(b[2], random));
            List<Extended> second = cache.extend(pastA, List.of(new Extension(qb.get(0), false),
                    new Extension(qb.get(1), true), new Extension(qb.get(2), false)));
            assertNull(second.get(0).past());
            assertClose(whole.score(IntStream.range(0, 3).mapToObj(i -> shifted(a, qb.get(i))).toList()),
                    second.stream().map(Extended::scores).toList());
            try (KvCache.Past pastAB = second.get(1).past()) {
                assertEquals(49, pastAB.length());
                int[] ab = concat(a, b[1]);
                List<ScoreQuery> qc = List.of(everyPosition(c[0], random), everyPosition(c[1], random));
                List<Extended> third = cache.extend(pastAB, qc.stream().map(q -> new Extension(q, false)).toList());
                assertClose(whole.score(qc.stream().map(q -> shifted(ab, q)).toList()),
                        third.stream().map(Extended::scores).toList());
            }
        }
        assertThrows(IllegalStateException.class, () -> cache.extend(first.get(0).past(),
                List.of(new Extension(qa, false))), "a closed past must not be continued");
    }

    @Test
    void decodingFromCachedPastsOfDifferentLengthsGivesTheTokensOfRerunningEverySequence() {
        Random random = new Random(3);
        KvCache cache = cached.kvCache().orElseThrow();
        int[] shared = tokens(random, 20);
        int[][] own = {tokens(random, 9), tokens(random, 2)};
        int[] alone = tokens(random, 5);
        List<KvCache.Past> opened = new ArrayList<>();
        try {
            KvCache.Past prefix = keep(cache, null, shared, opened);
            List<KvCache.Past> pasts = new ArrayList<>();
            List<int[]> rows = new ArrayList<>();
            for (int[] tail : own) { // two rows continuing one cached prefix, 29 and 22 tokens
                pasts.add(keep(cache, prefix, tail, opened));
                rows.add(concat(shared, tail));
            }
            pasts.add(keep(cache, null, alone, opened)); // one row of its own, 5 tokens
            rows.add(alone);
            pasts.add(null); // and one with no past at all
            rows.add(new int[0]);
            int[] first = random.ints(rows.size(), 0, 1000).toArray();
            for (int r = 0; r < rows.size(); r++) {
                rows.set(r, concat(rows.get(r), new int[] {first[r]}));
            }
            try (KvCache.Decoding decoding = cache.decode(pasts, first)) {
                for (int step = 0; step < 12; step++) {
                    int[] expected = whole.nextTokens(rows);
                    int[] next = decoding.next();
                    assertArrayEquals(expected, next, "step " + step);
                    for (int r = 0; r < rows.size(); r++) {
                        rows.set(r, concat(rows.get(r), new int[] {next[r]}));
                    }
                    decoding.append(next);
                }
            }
        } finally {
            opened.forEach(KvCache.Past::close);
        }
    }

    /** The past of {@code past + tokens}, kept. */
    private static KvCache.Past keep(KvCache cache, KvCache.Past past, int[] tokens, List<KvCache.Past> opened) {
        KvCache.Past kept = cache.extend(past, List.of(new Extension(new ScoreQuery(tokens, new int[0], new int[0]),
                true))).get(0).past();
        opened.add(kept);
        return kept;
    }

    private static int[] tokens(Random random, int n) {
        return random.ints(n, 0, 1000).toArray();
    }

    /** Every position, each with a random target. */
    private static ScoreQuery everyPosition(int[] tokens, Random random) {
        return new ScoreQuery(tokens, IntStream.range(0, tokens.length).toArray(), random.ints(tokens.length, 0, 1000)
                .toArray());
    }

    /** {@code query} as part of the whole sequence {@code prefix + query.tokens}. */
    private static ScoreQuery shifted(int[] prefix, ScoreQuery query) {
        return new ScoreQuery(concat(prefix, query.tokens()),
                IntStream.of(query.positions()).map(p -> p + prefix.length).toArray(), query.targets());
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
    }

    private static void assertClose(List<TargetScores> expected, List<TargetScores> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            double[] e = expected.get(i).logProbs();
            double[] a = actual.get(i).logProbs();
            assertEquals(e.length, a.length);
            for (int j = 0; j < e.length; j++) {
                assertEquals(e[j], a[j], TOLERANCE, "row " + i + " target " + j);
            }
            assertArrayEquals(expected.get(i).greedy(), actual.get(i).greedy(), "row " + i);
        }
    }
}
