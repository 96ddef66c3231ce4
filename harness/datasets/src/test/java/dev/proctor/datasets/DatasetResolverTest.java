package dev.proctor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --offline}: never a request; with the cache it works, without it one error names files and command. */
@Timeout(30)
class DatasetResolverTest {
    @TempDir
    Path tmp;

    private FixtureServer server;
    private DatasetCache cache;
    private DatasetEntry entry;
    private DatasetResolver resolver;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer();
        cache = new DatasetCache(tmp.resolve("cache"));
        entry = Fixtures.serve(server, "demo", Fixtures.demoFiles());
        Fetcher fetcher = new Fetcher(cache, new Downloader(HttpClient.newHttpClient(), 2, Duration.ZERO, Duration.ofSeconds(5)),
                ArchiveExtractor.standard(), line -> { });
        resolver = new DatasetResolver(DatasetLock.empty().with(entry), cache, fetcher);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void offlineWithoutTheCacheNamesDatasetFilesAndFetchCommandAndSendsNothing() {
        MissingDataException e = assertThrows(MissingDataException.class, () -> resolver.dataDir("demo", true));

        assertEquals(List.of(), server.requests());
        assertEquals("demo", e.datasetId());
        assertEquals(List.of("data/dev/big.bin", "data/test/Arts & Humanities-x.jsonl", "data/test/a.csv"), e.missing());
        assertEquals("proctor datasets fetch demo --cache " + cache.root(), e.fetchCommand());
        assertTrue(e.getMessage().contains("dataset demo") && e.getMessage().contains("data/test/a.csv")
                && e.getMessage().contains("`proctor datasets fetch demo --cache " + cache.root() + "`"), e.getMessage());
    }

    @Test
    void offlineWithTheCacheUsesItWithoutTheNetwork() {
        Path fetched = resolver.dataDir("demo", false);
        int requests = server.requests().size();
        assertEquals(3, requests);

        Path offline = resolver.dataDir("demo", true);

        assertEquals(fetched, offline);
        assertEquals(cache.dir(entry), offline);
        assertEquals(requests, server.requests().size(), "offline sends no request");
    }

    @Test
    void offlineRefusesADamagedCacheFileAsMissing() throws IOException {
        resolver.dataDir("demo", false);
        Files.writeString(cache.file(entry, "data/test/a.csv"), "changed by hand");

        MissingDataException e = assertThrows(MissingDataException.class, () -> resolver.dataDir("demo", true));

        assertEquals(List.of("data/test/a.csv"), e.missing());
        assertEquals(DatasetCache.FileState.CORRUPT, cache.state(entry, entry.file("data/test/a.csv").orElseThrow()));
    }

    @Test
    void fetchCommandOmitsCacheForTheDefaultCache() {
        assertEquals("proctor datasets fetch cmmlu", DatasetCache.standard().fetchCommand("cmmlu"));
    }

    @Test
    void unknownDatasetSaysWhatIsLockedAndHowToLockIt() {
        var e = assertThrows(dev.proctor.api.ProctorException.class, () -> resolver.dataDir("ceval", true));
        assertTrue(e.getMessage().contains("locked: demo") && e.getMessage().contains("proctor datasets lock ceval"),
                e.getMessage());
    }
}
