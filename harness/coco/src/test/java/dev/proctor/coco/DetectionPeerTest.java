package dev.proctor.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public detection case in ../shared/peers (det_*.input.json) scored through Proctor's readers, evaluator and
 * JSON, against what pycocotools 2.0.11's COCOeval computed (det_*.output.json): the twelve stats, every per-class
 * key, the mean of per-class AP to {@value PycocotoolsOutput#EXACT}, the summarize lines character for character,
 * the parameters exactly, and the notes.
 */
class DetectionPeerTest {
    @TempDir
    Path tmp;

    static List<Path> inputs() {
        Path dir = SharedFolder.resolve("peers");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("det_.*\\.input\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire counts an aborted factory as nothing; this test makes the skip and its reason visible. */
    @Test
    void publicCasesArePresent() {
        assumeFalse(inputs().isEmpty(), "no det_*.input.json in " + SharedFolder.resolve("peers")
                + ": the shared folder is absent (set -D" + SharedFolder.PROPERTY + ")");
        assertTrue(inputs().size() >= 2, "expected det_edge and det_no_detections at least: " + inputs());
    }

    @TestFactory
    Stream<DynamicTest> everyPublicCase() {
        return inputs().stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            String name = input.getFileName().toString().replace(".input.json", "");
            JsonNode expected = PycocotoolsOutput.read(input.resolveSibling(name + ".output.json"));
            assertEquals("detection", expected.get("peer").asText());
            Path dir = Files.createDirectories(tmp.resolve(name));
            double max = PycocotoolsOutput.assertMatches(name, expected,
                    PycocotoolsOutput.score(PycocotoolsOutput.read(input), dir));
            System.out.println("peer case " + name + ": matched pycocotools, max |difference| " + max);
        }));
    }
}
