package dev.proctor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.Item;
import dev.proctor.datafiles.Sha256;
import dev.proctor.tasks.m3ke.M3keTask;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real files in {@code ../shared/data} against the real pins in the repository's {@code datasets.lock}:
 * every file matches, one flipped byte is caught. Skipped, with the reason, where the shared data is absent.
 */
class RealPinsTest {
    private static final String AGRONOMY = "data/test/agronomy.csv";

    private final DatasetLock lock = DatasetLock.read(RepositoryFiles.lock());
    private final Verifier verifier = new Verifier(lock);

    @TempDir
    Path tmp;

    @Test
    void everyCmmluFileMatchesItsPin() {
        Verification v = verifier.verifyDirectory("cmmlu", SharedFolder.require("data/" + "cmmlu"), List.of(), "fetch");

        assertEquals(new Verification("cmmlu", "d6e7b71", 134, Verification.Status.VERIFIED), v);
    }

    @Test
    void everyM3keFileMatchesItsPinZipIncluded() {
        Verification v = verifier.verifyDirectory("m3ke", SharedFolder.require("data/" + "m3ke"), List.of(), "fetch");

        assertEquals(143, v.files());
        assertEquals("b370aae", v.version());
    }

    @Test
    void oneAlteredByteIsCaughtNamingFileAndBothHashes() throws IOException {
        Path original = SharedFolder.require("data/" + "cmmlu").resolve(AGRONOMY);
        byte[] bytes = Files.readAllBytes(original);
        bytes[bytes.length / 2] ^= 0x01;
        Path copy = Fixtures.write(tmp.resolve("cmmlu").resolve(AGRONOMY), bytes);

        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> verifier.verifyDirectory("cmmlu", tmp.resolve("cmmlu"), List.of(AGRONOMY), "fetch"));

        String pinned = lock.get("cmmlu").file(AGRONOMY).orElseThrow().sha256();
        assertEquals(copy.toString(), e.file());
        assertEquals(pinned, e.expected());
        assertEquals(Sha256.of(bytes), e.actual());
        assertTrue(e.getMessage().contains(pinned) && e.getMessage().contains(Sha256.of(bytes))
                && e.getMessage().contains(AGRONOMY), e.getMessage());
    }

    @Test
    void onlyRequestedFilesMustBePresentAndMissingOnesAreNamedWithTheFetchCommand() throws IOException {
        Path dir = tmp.resolve("cmmlu");
        Fixtures.write(dir.resolve(AGRONOMY), Files.readAllBytes(SharedFolder.require("data/" + "cmmlu").resolve(AGRONOMY)));

        assertEquals(1, verifier.verifyDirectory("cmmlu", dir, List.of(AGRONOMY), "proctor datasets fetch cmmlu").files());
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> verifier.verifyDirectory("cmmlu", dir, List.of("data/test/*.csv"), "proctor datasets fetch cmmlu"));

        assertEquals(66, e.missing().size());
        assertTrue(e.getMessage().startsWith("dataset cmmlu: 66 locked files are missing from " + dir), e.getMessage());
        assertTrue(e.getMessage().endsWith("and 56 more; fetch them with `proctor datasets fetch cmmlu`"), e.getMessage());
    }

    @Test
    void runFilesMapToLockPathsFromTheRootOrTheDataFolder() {
        Path root = SharedFolder.require("data/" + "cmmlu");
        List<LocalFile> files = Verifier.hash(List.of(root.resolve(AGRONOMY), root.resolve("data/dev/agronomy.csv")));

        assertEquals(2, verifier.verifyFiles("cmmlu", root, files).files());
        Verification fromData = verifier.verifyFiles("cmmlu", root.resolve("data"), files);
        assertEquals(new Verification("cmmlu", "d6e7b71", 2, Verification.Status.VERIFIED), fromData);
        Path m3ke = SharedFolder.require("data/" + "m3ke").resolve("data/test/Sociology-Social Sciences-College.jsonl");
        assertEquals(1, verifier.verifyFiles("m3ke", SharedFolder.require("data/" + "m3ke").resolve("data"), Verifier.hash(List.of(m3ke))).files());
    }

    @Test
    void runFileWithAnotherHashOrNoPinIsRefused() {
        Path root = SharedFolder.require("data/" + "cmmlu");
        LocalFile altered = new LocalFile(root.resolve(AGRONOMY), Sha256.of("other bytes"));
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> verifier.verifyFiles("cmmlu", root, List.of(altered)));
        assertEquals(Sha256.of("other bytes"), e.actual());

        LocalFile unpinned = new LocalFile(root.resolve("subjects.json"), Sha256.of(root.resolve("subjects.json")));
        ProctorException p = assertThrows(ProctorException.class, () -> verifier.verifyFiles("cmmlu", root, List.of(unpinned)));
        assertTrue(p.getMessage().contains("is not pinned by dataset cmmlu") && p.getMessage().contains("--allow-unlocked"),
                p.getMessage());
    }

    /** The release zip's files have CRLF line ends, unlike the repository's; the M3KE task must read them the same. */
    @Test
    void m3keZipExtractsSafelyAndItsCrlfFilesParseLikeTheRepositoryFiles() throws IOException {
        Path m3ke = SharedFolder.require("data/" + "m3ke");
        Path extracted = tmp.resolve("m3ke-zip");
        ArchiveExtractor.standard().extract(m3ke.resolve("data/M3KE.zip"), extracted);
        Path sample = extracted.resolve("dev/Sociology-Social Sciences-College.jsonl");
        assertTrue(Files.readString(sample).contains("\r\n"), "the zip's files use CRLF");

        M3keTask task = new M3keTask();
        List<Subject> subjects = task.subjects(extracted);
        assertEquals(71, subjects.size());
        int items = 0;
        for (Subject subject : subjects) {
            List<Item> fromZip = task.load(extracted, subject, Split.DEV);
            List<Item> fromRepo = task.load(m3ke, subject, Split.DEV);
            assertEquals(texts(fromRepo), texts(fromZip), subject.name());
            items += fromZip.size();
        }
        assertEquals(355, items);
        try (Stream<Path> files = Files.walk(extracted)) {
            assertEquals(142, files.filter(Files::isRegularFile).count());
        }
    }

    private static List<String> texts(List<Item> items) {
        return items.stream().map(i -> i.question() + "|" + String.join("|", i.choices()) + "|" + i.gold()).toList();
    }
}
