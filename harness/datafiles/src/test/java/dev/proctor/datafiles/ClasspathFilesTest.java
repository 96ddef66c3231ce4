package dev.proctor.datafiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathFilesTest {
    private static final Map<String, String> FILES = Map.of("data/bundled.txt", "/dev/proctor/datafiles/bundled.txt");
    private static final String SHA = Sha256.of("a bundled file\n");

    @Test
    void copiesOnceIntoAFolderNamedByContentWithOrWithoutKnownHashes(@TempDir Path cache) throws IOException {
        Path hashed = ClasspathFiles.materialize(ClasspathFilesTest.class, FILES, cache, "sample", "a test file");
        assertEquals("a bundled file\n", Files.readString(hashed.resolve("data/bundled.txt")));
        Path known = ClasspathFiles.materialize(ClasspathFilesTest.class, FILES, Map.of("data/bundled.txt", SHA),
                cache, "sample", "a test file");
        assertEquals(hashed, known, "the same content names the same folder");
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(1, entries.count(), "no temporary folder is left");
        }
    }

    @Test
    void aResourceThatDiffersFromItsKnownHashIsRefusedAndNothingIsLeft(@TempDir Path cache) throws IOException {
        String wrong = "0".repeat(64);
        ProctorException e = assertThrows(ProctorException.class, () -> ClasspathFiles.materialize(
                ClasspathFilesTest.class, FILES, Map.of("data/bundled.txt", wrong), cache, "sample", "a test file"));
        assertTrue(e.getMessage().contains("/dev/proctor/datafiles/bundled.txt has SHA-256 " + SHA + ", expected "
                + wrong), e.getMessage());
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(0, entries.count(), "neither the folder nor its temporary copy remains");
        }
    }
}
