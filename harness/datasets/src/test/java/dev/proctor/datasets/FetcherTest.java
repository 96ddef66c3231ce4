package dev.proctor.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link Fetcher} against a real HTTP server on loopback. */
@Timeout(30)
class FetcherTest {
    private static final String BIG = "data/dev/big.bin";

    @TempDir
    Path tmp;

    private FixtureServer server;
    private DatasetCache cache;
    private Fetcher fetcher;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer();
        cache = new DatasetCache(tmp.resolve("cache"));
        fetcher = new Fetcher(cache, new Downloader(HttpClient.newHttpClient(), 3, Duration.ZERO, Duration.ofSeconds(5)),
                ArchiveExtractor.standard(), log::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void cleanFetchPutsEveryFileInPlaceEncodingPathsAndSkipsThemNextTime() throws IOException {
        Map<String, byte[]> files = Fixtures.demoFiles();
        DatasetEntry entry = Fixtures.serve(server, "demo", files);

        Fetcher.Report report = fetcher.fetch(entry);

        assertEquals(3, report.downloaded());
        assertEquals(tmp.resolve("cache/datasets/demo/v1").toAbsolutePath(), report.dir());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(report.dir().resolve(f.getKey())), f.getKey());
        }
        assertTrue(server.requests().stream()
                .anyMatch(r -> r.rawPath().equals("/repo/data/test/Arts%20%26%20Humanities-x.jsonl")), server.requests()::toString);
        assertEquals(List.of(), partFiles(), "no .part is left behind");

        int before = server.requests().size();
        Fetcher.Report again = fetcher.fetch(entry);
        assertEquals(0, again.downloaded());
        assertEquals(3, again.present());
        assertEquals(before, server.requests().size(), "verified files are not downloaded again");
    }

    @Test
    void droppedConnectionIsResumedWithARangeRequest() throws IOException {
        Map<String, byte[]> files = Map.of(BIG, Fixtures.demoFiles().get(BIG));
        DatasetEntry entry = Fixtures.serve(server, "demo", files);
        server.dropOnceAfter("/repo/" + BIG, 70_000);

        fetcher.fetch(entry);

        List<FixtureServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), requests::toString);
        assertEquals(null, requests.get(0).range());
        String range = requests.get(1).range();
        assertTrue(range != null && range.matches("bytes=\\d+-"), "second request asks for the rest: " + range);
        long from = Long.parseLong(range.substring(6, range.length() - 1));
        assertTrue(from > 0 && from <= 70_000, "resumes after the bytes it kept: " + from);
        assertEquals(206, requests.get(1).status());
        assertArrayEquals(files.get(BIG), Files.readAllBytes(cache.file(entry, BIG)));
    }

    @Test
    void stalledTransferIsCutOffAndResumed() throws IOException {
        byte[] big = Fixtures.demoFiles().get(BIG);
        DatasetEntry entry = Fixtures.serve(server, "demo", Map.of(BIG, big));
        server.stallOnceAfter("/repo/" + BIG, 50_000);
        Fetcher impatient = new Fetcher(cache, new Downloader(HttpClient.newHttpClient(), 3, Duration.ZERO,
                Duration.ofMillis(500)), ArchiveExtractor.standard(), log::add);

        impatient.fetch(entry);

        List<FixtureServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), requests::toString);
        assertEquals(206, requests.get(1).status());
        assertArrayEquals(big, Files.readAllBytes(cache.file(entry, BIG)));
    }

    @Test
    void partLeftByAnEarlierProcessIsResumed() throws IOException {
        byte[] big = Fixtures.demoFiles().get(BIG);
        DatasetEntry entry = Fixtures.serve(server, "demo", Map.of(BIG, big));
        Path target = cache.file(entry, BIG);
        Fixtures.write(DatasetCache.partOf(target), Arrays.copyOf(big, 12_345));
        assertEquals(DatasetCache.FileState.PARTIAL, cache.state(entry, entry.files().get(0)));

        fetcher.fetch(entry);

        assertEquals(List.of(new FixtureServer.Request("/repo/" + BIG, "bytes=12345-", 206)), server.requests());
        assertArrayEquals(big, Files.readAllBytes(target));
        assertFalse(Files.exists(DatasetCache.partOf(target)));
    }

    @Test
    void serverIgnoringTheRangeRestartsTheFileInsteadOfAppending() throws IOException {
        byte[] big = Fixtures.demoFiles().get(BIG);
        DatasetEntry entry = Fixtures.serve(server, "demo", Map.of(BIG, big));
        server.ignoreRange("/repo/" + BIG);
        Path target = cache.file(entry, BIG);
        Fixtures.write(DatasetCache.partOf(target), Arrays.copyOf(big, 5_000));

        fetcher.fetch(entry);

        assertEquals(200, server.requests().get(0).status());
        assertArrayEquals(big, Files.readAllBytes(target));
    }

    @Test
    void corruptedFileIsRefusedNamedWithBothHashesAndNothingIsLeftInPlace() throws IOException {
        Map<String, byte[]> files = Fixtures.demoFiles();
        DatasetEntry entry = Fixtures.serve(server, "demo", files);
        byte[] altered = files.get("data/test/a.csv").clone();
        altered[3] ^= 1;
        server.put("/repo/data/test/a.csv", altered);
        // A good file already in the cache must survive the failure.
        Path good = Fixtures.write(cache.file(entry, BIG), files.get(BIG));

        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> fetcher.fetch(entry));

        String expected = Sha256.of(files.get("data/test/a.csv"));
        String actual = Sha256.of(altered);
        assertEquals("data/test/a.csv", e.file());
        assertEquals(expected, e.expected());
        assertEquals(actual, e.actual());
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(actual), e.getMessage());
        Path target = cache.file(entry, "data/test/a.csv");
        assertFalse(Files.exists(target), "a refused file is not put in place");
        assertFalse(Files.exists(DatasetCache.partOf(target)), "nor kept as a part that would resume");
        assertArrayEquals(files.get(BIG), Files.readAllBytes(good));
    }

    @Test
    void longerResponseThanLockedIsCutOffAndRefused() {
        Map<String, byte[]> files = Map.of("data/test/a.csv", Fixtures.demoFiles().get("data/test/a.csv"));
        DatasetEntry entry = Fixtures.serve(server, "demo", files);
        server.put("/repo/data/test/a.csv", new byte[1_000_000]);

        ProctorException e = assertThrows(ProctorException.class, () -> fetcher.fetch(entry));

        assertTrue(e.getMessage().contains("more than the locked"), e.getMessage());
        assertFalse(Files.exists(cache.file(entry, "data/test/a.csv")));
    }

    @Test
    void shorterFileThanLockedIsRefusedWithBothSizesWithoutRetrying() {
        Map<String, byte[]> files = Map.of("data/test/a.csv", Fixtures.demoFiles().get("data/test/a.csv"));
        DatasetEntry entry = Fixtures.serve(server, "demo", files);
        server.put("/repo/data/test/a.csv", "short".getBytes());

        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> fetcher.fetch(entry));

        assertEquals(Sha256.of("short"), e.actual());
        assertTrue(e.getMessage().contains("got 5 bytes where " + files.get("data/test/a.csv").length + " are pinned"),
                e.getMessage());
        assertEquals(1, server.requests().size(), "a complete answer is judged, not retried");
    }

    @Test
    void notFoundNamesTheAddressAndTheFile() {
        Map<String, byte[]> files = Fixtures.demoFiles();
        DatasetEntry entry = Fixtures.serve(server, "demo", files);
        DatasetEntry withMissing = new DatasetEntry("demo", "v1", null, null, entry.source(),
                List.of(new LockedFile("data/test/gone.csv", Sha256.of("x"), 1)));

        ProctorException e = assertThrows(ProctorException.class, () -> fetcher.fetch(withMissing));

        assertTrue(e.getMessage().contains("404"), e.getMessage());
        assertTrue(e.getMessage().contains(server.url("/repo/data/test/gone.csv")), e.getMessage());
        assertTrue(e.getMessage().contains("data/test/gone.csv of dataset demo"), e.getMessage());
        assertEquals(1, server.requests().size(), "a 404 is not retried");
    }

    @Test
    void archiveSourceIsDownloadedVerifiedAndExtractedIntoPlace() throws IOException {
        Map<String, byte[]> files = Fixtures.demoFiles();
        byte[] zip = Fixtures.zip(files);
        server.put("/dl/demo.zip", zip);
        DatasetEntry entry = new DatasetEntry("zipped", "1.0", null, null,
                DatasetSource.archive(server.url("/dl/demo.zip"), Sha256.of(zip), zip.length), Fixtures.locked(files));

        Fetcher.Report report = fetcher.fetch(entry);

        assertEquals(3, report.downloaded());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(report.dir().resolve(f.getKey())), f.getKey());
        }
        try (Stream<Path> left = Files.list(report.dir().getParent())) {
            assertEquals(List.of(report.dir()), left.filter(p -> !p.endsWith(".fetch-lock")).toList(),
                    "no archive or temp folder is left");
        }
    }

    @Test
    void archiveWithOtherBytesThanPinnedIsRefused() throws IOException {
        byte[] zip = Fixtures.zip(Fixtures.demoFiles());
        server.put("/dl/demo.zip", zip);
        DatasetEntry entry = new DatasetEntry("zipped", "1.0", null, null,
                DatasetSource.archive(server.url("/dl/demo.zip"), Sha256.of("another archive"), zip.length),
                Fixtures.locked(Fixtures.demoFiles()));

        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> fetcher.fetch(entry));

        assertEquals(Sha256.of(zip), e.actual());
        assertFalse(Files.exists(cache.dir(entry)));
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(tmp)) {
            return walk.filter(p -> p.toString().endsWith(DatasetCache.PART_SUFFIX)).toList();
        }
    }
}
