package dev.proctor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Verifier} on fixture data: path mapping, missing files, unlocked fingerprints. */
class VerifierTest {
    @TempDir
    Path tmp;

    private Path root;
    private Verifier verifier;

    @BeforeEach
    void lay() throws IOException {
        Map<String, byte[]> files = Fixtures.demoFiles();
        root = tmp.resolve("demo");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Fixtures.write(root.resolve(f.getKey()), f.getValue());
        }
        DatasetEntry entry = new DatasetEntry("demo", "v1", null, null, DatasetSource.local(), Fixtures.locked(files));
        verifier = new Verifier(DatasetLock.empty().with(entry));
    }

    @Test
    void requirePresentNamesAbsentFilesAsLockPathsWithTheCommand() {
        List<Path> needed = List.of(root.resolve("data/test/a.csv"), root.resolve("data/test/Arts & Humanities-x.jsonl"));
        verifier.requirePresent("demo", root.resolve("data"), needed, "proctor datasets fetch demo");

        List<Path> withGone = List.of(root.resolve("data/test/a.csv"), root.resolve("data/dev/gone.bin"));
        assertThrows(ProctorException.class, () -> verifier.requirePresent("demo", root, withGone, "x"),
                "an absent file that is not even locked is refused too");
        root.resolve("data/dev/big.bin").toFile().delete();
        MissingDataException e = assertThrows(MissingDataException.class, () -> verifier.requirePresent("demo",
                root.resolve("data"), List.of(root.resolve("data/dev/big.bin")), "proctor datasets fetch demo"));
        assertEquals(List.of("data/dev/big.bin"), e.missing());
        assertTrue(e.getMessage().endsWith("fetch them with `proctor datasets fetch demo`"), e.getMessage());
    }

    @Test
    void fileOutsideTheDataDirectoryIsRefused() throws IOException {
        Path elsewhere = Fixtures.write(tmp.resolve("elsewhere/data/test/a.csv"), Fixtures.demoFiles().get("data/test/a.csv"));
        ProctorException e = assertThrows(ProctorException.class, () -> verifier.verifyFiles("demo", root,
                List.of(new LocalFile(elsewhere, Sha256.of(elsewhere)))));
        assertTrue(e.getMessage().contains("outside the data directory"), e.getMessage());
    }

    @Test
    void unlockedVersionFingerprintsTheHashesWhateverTheirOrder() {
        LocalFile a = new LocalFile(root.resolve("a"), Sha256.of("a"));
        LocalFile b = new LocalFile(root.resolve("b"), Sha256.of("b"));

        Verification v = Verifier.unlocked("mine", List.of(a, b));

        assertEquals(Verification.Status.UNLOCKED, v.status());
        assertEquals("unlocked", v.status().label());
        assertEquals(2, v.files());
        assertTrue(v.version().matches("content-[0-9a-f]{12}"), v.version());
        assertEquals(v, Verifier.unlocked("mine", List.of(b, a)));
        assertNotEquals(v.version(), Verifier.unlocked("mine", List.of(a)).version());
    }
}
