package dev.proctor.coco;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-made cases (src/test/resources/dev/proctor/coco/cases) that stress one rule each (crowd, area ranges,
 * maxDets truncation, score and IoU ties) against pycocotools' own COCOeval, whose answers regenerate.py wrote
 * there; {@link CocoEvalTest} explains the same rules number by number.
 */
class GoldenCasesTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> handMadeCases() {
        return Stream.of("hand_crowd", "hand_area", "hand_maxdets", "hand_ties").map(name ->
                DynamicTest.dynamicTest(name, () -> {
                    Path dir = Files.createDirectories(tmp.resolve(name));
                    double max = PycocotoolsOutput.assertMatches(name, resource(name + ".expected.json"),
                            PycocotoolsOutput.score(resource(name + ".input.json"), dir));
                    System.out.println("golden case " + name + ": max |difference| " + max);
                }));
    }

    private static JsonNode resource(String name) {
        try (InputStream in = GoldenCasesTest.class.getResourceAsStream("cases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource cases/" + name);
            }
            return PycocotoolsOutput.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
