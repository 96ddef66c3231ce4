package dev.proctor.datafiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallHelpersTest {
    @TempDir
    Path dir;

    @Test
    void dataDirMayBeTheRepositoryRootOrItsDataFolder() throws IOException {
        Files.createDirectories(dir.resolve("repo/data/test"));
        assertEquals(dir.resolve("repo/data"), DataDirs.splitRoot(dir.resolve("repo"), "x"));
        assertEquals(dir.resolve("repo/data"), DataDirs.splitRoot(dir.resolve("repo/data"), "x"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataDirs.splitRoot(dir, "cmmlu"));
        assertTrue(e.getMessage().contains("expected a cmmlu data directory holding dev/ and test/"), e.getMessage());
    }

    @Test
    void subjectCatalogDefaultsAndStrictness() throws IOException {
        Path ok = Files.writeString(dir.resolve("ok.json"),
                "{\"subjects\": [{\"name\": \"a\", \"displayName\": \"A!\", \"categories\": [\"x\", \"y\"]},"
                        + " {\"name\": \"b\"}]}");
        assertEquals(List.of(new Subject("a", "A!", List.of("x", "y")), new Subject("b", "b", List.of())),
                SubjectCatalog.read(ok));

        Path typo = Files.writeString(dir.resolve("typo.json"),
                "{\"subjects\": [\n{\"name\": \"a\",\n \"categores\": []}]}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SubjectCatalog.read(typo));
        assertTrue(e.getMessage().contains("categores"), e.getMessage());
        assertEquals(3, e.line());

        Path twice = Files.writeString(dir.resolve("twice.json"), "{\"subjects\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}");
        assertTrue(assertThrows(DataFormatException.class, () -> SubjectCatalog.read(twice))
                .getMessage().contains("'a' twice"));
    }

    @Test
    void cacheRootFollowsTheSystemProperty() {
        String before = System.getProperty(ProctorCache.PROPERTY);
        try {
            System.setProperty(ProctorCache.PROPERTY, dir.toString());
            assertEquals(dir, ProctorCache.root());
        } finally {
            if (before == null) {
                System.clearProperty(ProctorCache.PROPERTY);
            } else {
                System.setProperty(ProctorCache.PROPERTY, before);
            }
        }
    }
}
