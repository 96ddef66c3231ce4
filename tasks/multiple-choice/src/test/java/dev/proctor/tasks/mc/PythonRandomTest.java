package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks PythonRandom against draws CPython itself made (written by python/python_random_cases.py), value for value:
 * the point of the class is that Proctor picks exactly the few-shot examples lm-evaluation-harness picks.
 */
class PythonRandomTest {
    private static JsonNode root;
    private static JsonNode cases;
    private static String python;

    @BeforeAll
    static void readCases() throws IOException {
        try (InputStream in = PythonRandomTest.class.getResourceAsStream("python-random-cases.json")) {
            assertNotNull(in, "python-random-cases.json is missing; run python/python_random_cases.py");
            root = new ObjectMapper().readTree(in);
        }
        cases = root.get("cases");
        python = "CPython " + root.get("python").asText();
        assertTrue(cases.size() > 0);
    }

    @Test
    void getrandbits32MatchesCPython() {
        for (JsonNode c : cases) {
            PythonRandom rnd = seeded(c);
            for (JsonNode expected : c.get("getrandbits32")) {
                assertEquals(expected.asLong(), rnd.getrandbits(32), where(c));
            }
        }
    }

    @Test
    void getrandbitsOfOtherWidthsMatchesCPython() {
        for (JsonNode c : cases) {
            PythonRandom rnd = seeded(c);
            for (JsonNode draw : c.get("getrandbits")) {
                int k = draw.get("k").asInt();
                // Compared as decimal text: a 64-bit draw may exceed Long.MAX_VALUE, so it is read unsigned.
                assertEquals(draw.get("result").asText(), Long.toUnsignedString(rnd.getrandbits(k)),
                        where(c) + ", k=" + k);
            }
        }
    }

    @Test
    void randomMatchesCPythonBitForBit() {
        for (JsonNode c : cases) {
            PythonRandom rnd = seeded(c);
            for (JsonNode expected : c.get("random")) {
                assertEquals(Double.parseDouble(expected.asText()), rnd.random(), 0.0, where(c));
            }
        }
    }

    @Test
    void randbelowMatchesCPython() {
        for (JsonNode c : cases) {
            PythonRandom rnd = seeded(c);
            for (JsonNode draw : c.get("randbelow")) {
                long n = draw.get("n").asLong();
                assertEquals(draw.get("result").asLong(), rnd.randbelow(n), where(c) + ", n=" + n);
            }
        }
    }

    @Test
    void sampleMatchesCPythonInBothBranches() {
        for (JsonNode c : cases) {
            for (JsonNode s : c.get("samples")) {
                int n = s.get("n").asInt();
                int k = s.get("k").asInt();
                assertEquals(ints(s.get("result")), seeded(c).sample(range(n), k), where(c) + ", n=" + n + ", k=" + k);
            }
        }
    }

    @Test
    void successiveSamplesFromOneGeneratorMatchCPython() {
        JsonNode successive = root.get("successive");
        PythonRandom rnd = new PythonRandom(successive.get("seed").asLong());
        int n = successive.get("n").asInt();
        int k = successive.get("k").asInt();
        int call = 0;
        for (JsonNode expected : successive.get("results")) {
            assertEquals(ints(expected), rnd.sample(range(n), k), python + ", call " + call++);
        }
    }

    @Test
    void shuffleMatchesCPython() {
        for (JsonNode c : cases) {
            List<Integer> x = new ArrayList<>(range(10));
            seeded(c).shuffle(x);
            assertEquals(ints(c.get("shuffle10")), x, where(c));
        }
    }

    @Test
    void setSizeMatchesCPythonsFloatingPointFormula() {
        for (JsonNode s : root.get("setsize")) {
            int k = s.get("k").asInt();
            assertEquals(s.get("setsize").asLong(), PythonRandom.setSize(k), python + ", k=" + k);
        }
    }

    @Test
    void sampleRefusesASizeLargerThanThePopulation() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new PythonRandom(1).sample(range(3), 4));
        assertEquals("sample size 4 is negative or larger than the population of 3", e.getMessage());
    }

    @Test
    void sampleRefusesANegativeSize() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new PythonRandom(1).sample(range(3), -1));
        assertEquals("sample size -1 is negative or larger than the population of 3", e.getMessage());
    }

    @Test
    void sampleLeavesThePopulationAlone() {
        List<Integer> population = new ArrayList<>(range(10));
        new PythonRandom(42).sample(population, 10);
        assertEquals(range(10), population);
    }

    private static PythonRandom seeded(JsonNode c) {
        return new PythonRandom(c.get("seed").asLong());
    }

    private static String where(JsonNode c) {
        return python + ", seed " + c.get("seed").asText();
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }
}
