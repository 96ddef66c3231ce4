package dev.proctor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock file format: strict reading, sorted and stable writing. */
class DatasetLockTest {
    private static final String SHA = "17d0d80683455a4a12259b8c653c951af4ad4cd32ac23615908e9a9e509bb48c";

    @TempDir
    Path tmp;

    @Test
    void repositoryLockHasTheRealPinsAndRoundTripsByteForByte() throws IOException {
        Path file = RepositoryFiles.lock();
        DatasetLock lock = DatasetLock.read(file);

        DatasetEntry cmmlu = lock.get("cmmlu");
        assertEquals(134, cmmlu.files().size());
        assertEquals("d6e7b716d8ac694f38969a6c0407437d1fded799", cmmlu.source().commit());
        assertEquals(SHA, cmmlu.file("data/dev/agronomy.csv").orElseThrow().sha256());
        assertEquals(143, lock.get("m3ke").files().size());
        assertEquals(1925120, lock.get("m3ke").file("data/M3KE.zip").orElseThrow().bytes());
        assertEquals(156, lock.get("ceval").files().size());
        assertEquals("archive", lock.get("ceval").source().type());
        assertEquals(Files.readString(file), lock.toJson(), "reading and writing changes nothing");
    }

    @Test
    void bundledLockIsTheRepositoryLock() {
        assertEquals(DatasetLock.read(RepositoryFiles.lock()), DatasetLock.bundled());
    }

    @Test
    void fileWithoutSha256CannotBeLocked() throws IOException {
        Path file = Files.writeString(tmp.resolve("datasets.lock"), """
                {"lockVersion": 1, "datasets": [{"id": "x", "version": "1", "source": {"type": "local"},
                  "files": [{"path": "a.csv", "bytes": 3}]}]}
                """);

        DataFormatException e = assertThrows(DataFormatException.class, () -> DatasetLock.read(file));

        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("a.csv has no sha256: a file without a hash cannot be locked"), e.getMessage());
        assertThrows(ProctorException.class, () -> new LockedFile("a.csv", null, 3));
    }

    @Test
    void missingSizeBadHashUnsafePathAndUnknownFieldsAreRefused() throws IOException {
        for (String file : List.of(
                "{\"path\": \"a.csv\", \"sha256\": \"" + SHA + "\"}",
                "{\"path\": \"a.csv\", \"sha256\": \"abc\", \"bytes\": 1}",
                "{\"path\": \"../a.csv\", \"sha256\": \"" + SHA + "\", \"bytes\": 1}",
                "{\"path\": \"a.csv\", \"sha256\": \"" + SHA + "\", \"bytes\": 1, \"sha1\": \"x\"}")) {
            Path lock = Files.writeString(tmp.resolve("l.lock"), "{\"lockVersion\": 1, \"datasets\": [{\"id\": \"x\","
                    + " \"version\": \"1\", \"source\": {\"type\": \"local\"}, \"files\": [" + file + "]}]}");
            assertThrows(DataFormatException.class, () -> DatasetLock.read(lock), file);
        }
    }

    @Test
    void writeSortsDatasetsAndFilesAndReadsBackEqual() {
        DatasetEntry b = new DatasetEntry("b", "1", null, null, DatasetSource.local(),
                List.of(new LockedFile("z.csv", SHA, 1), new LockedFile("a.csv", SHA, 2)));
        DatasetEntry a = new DatasetEntry("a", "2", "MIT", null, DatasetSource.url("https://example.org/{path}"),
                List.of(new LockedFile("x", SHA, 3)));
        Path file = tmp.resolve("sub/datasets.lock");

        DatasetLock lock = DatasetLock.empty().with(b).with(a);
        lock.write(file);

        DatasetLock read = DatasetLock.read(file);
        assertEquals(lock, read);
        assertEquals(List.of("a", "b"), read.datasets().stream().map(DatasetEntry::id).toList());
        assertEquals(List.of("a.csv", "z.csv"), read.get("b").files().stream().map(LockedFile::path).toList());
        DatasetEntry b2 = new DatasetEntry("b", "2", null, null, DatasetSource.local(), List.of(new LockedFile("n", SHA, 1)));
        assertEquals(b2, lock.with(b2).get("b"), "with() replaces an entry of the same id");
        assertEquals(2, lock.with(b2).datasets().size());
    }

    @Test
    void fileUrlPercentEncodesSpacesAmpersandsAndNonAscii() {
        DatasetSource source = DatasetSource.git("https://github.com/o/r", "c0ffee", "https://raw.example/o/r/c0ffee/{path}");
        assertEquals("https://raw.example/o/r/c0ffee/data/dev/Chinese-Arts%20%26%20Humanities-High%20school.jsonl",
                source.fileUrl("data/dev/Chinese-Arts & Humanities-High school.jsonl").toString());
        assertEquals("https://raw.example/o/r/c0ffee/%E4%B8%AD.csv", source.fileUrl("中.csv").toString());
    }
}
