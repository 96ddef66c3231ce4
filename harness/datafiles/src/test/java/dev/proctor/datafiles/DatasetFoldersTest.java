package dev.proctor.datafiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One dataset folder or a folder of them, as every task whose subjects are datasets reads its data directory. */
class DatasetFoldersTest {
    private static final Predicate<Path> HAS_MARKER = d -> Files.isRegularFile(d.resolve("marker"));

    @Test
    void aDatasetIsItsOwnOnlySubjectAndAFolderOfThemListsThemByName(@TempDir Path dir) throws Exception {
        for (String name : List.of("b", "a", "not-one")) {
            Files.createDirectories(dir.resolve(name));
            if (!name.equals("not-one")) {
                Files.writeString(dir.resolve(name).resolve("marker"), "");
            }
        }
        assertEquals(List.of(dir.resolve("a"), dir.resolve("b")), DatasetFolders.datasets(dir, HAS_MARKER, "x"));
        assertEquals(List.of(dir.resolve("a")), DatasetFolders.datasets(dir.resolve("a"), HAS_MARKER, "x"));
        assertEquals(dir.resolve("b"), DatasetFolders.root(dir, HAS_MARKER, "b"));
        assertEquals(dir.resolve("a"), DatasetFolders.root(dir.resolve("a"), HAS_MARKER, "a"));
        assertEquals("a", DatasetFolders.name(dir.resolve("a").resolve(".")));
    }

    @Test
    void aFolderWithNoDatasetIsRefusedSayingWhatOneHolds(@TempDir Path dir) {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DatasetFolders.datasets(dir, HAS_MARKER, "a folder with a marker file"));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("a folder with a marker file"),
                e.getMessage());
    }
}
