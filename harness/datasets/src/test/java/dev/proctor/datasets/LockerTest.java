package dev.proctor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link Locker}: entries computed from a folder, a zip's address, a template and a file list. */
@Timeout(30)
class LockerTest {
    @TempDir
    Path tmp;

    private FixtureServer server;
    private Locker locker;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer();
        locker = new Locker(new Downloader(HttpClient.newHttpClient(), 2, Duration.ZERO, Duration.ofSeconds(5)), ArchiveExtractor.standard());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void directoryIsWalkedWithRelativeSlashPathsGlobsAndNoHiddenFiles() throws IOException {
        Map<String, byte[]> files = Fixtures.demoFiles();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Fixtures.write(tmp.resolve("src").resolve(f.getKey()), f.getValue());
        }
        Fixtures.write(tmp.resolve("src/.git/HEAD"), "ref".getBytes());

        assertEquals(Fixtures.locked(files).stream().sorted(java.util.Comparator.comparing(LockedFile::path)).toList(),
                Locker.fromDirectory(tmp.resolve("src"), List.of()));
        assertEquals(List.of("data/test/a.csv"), Locker.fromDirectory(tmp.resolve("src"), List.of("data/test/*.csv"))
                .stream().map(LockedFile::path).toList());
        assertThrows(ProctorException.class, () -> Locker.fromDirectory(tmp.resolve("src"), List.of("*.parquet")));
    }

    @Test
    void templateAndFilesAreDownloadedAndHashed() {
        Map<String, byte[]> files = Fixtures.demoFiles();
        Fixtures.serve(server, "demo", files);

        Locker.Locked locked = locker.fromUrl(server.url("/repo/{path}"), List.copyOf(files.keySet()), List.of());

        assertEquals(DatasetSource.url(server.url("/repo/{path}")), locked.source());
        assertEquals(Fixtures.locked(files).stream().sorted(java.util.Comparator.comparing(LockedFile::path)).toList(),
                locked.files());
    }

    @Test
    void fileListIsReadRelativeToItsOwnFolder() {
        Map<String, byte[]> files = Fixtures.demoFiles();
        Fixtures.serve(server, "demo", files);
        server.put("/repo/FILES.txt", ("# the files\n" + String.join("\r\n", files.keySet()) + "\n")
                .getBytes(StandardCharsets.UTF_8));

        Locker.Locked locked = locker.fromUrl(server.url("/repo/FILES.txt"), List.of(), List.of());

        assertEquals(server.url("/repo/{path}"), locked.source().fileUrlTemplate());
        assertEquals(3, locked.files().size());
    }

    @Test
    void zipAddressLocksTheArchiveAndItsContents() throws IOException {
        byte[] zip = Fixtures.zip(Fixtures.demoFiles());
        server.put("/dl/x.zip", zip);

        Locker.Locked locked = locker.fromUrl(server.url("/dl/x.zip"), List.of(), List.of("data/test/**"));

        assertEquals(DatasetSource.archive(server.url("/dl/x.zip"), Sha256.of(zip), zip.length), locked.source());
        assertEquals(List.of("data/test/Arts & Humanities-x.jsonl", "data/test/a.csv"),
                locked.files().stream().map(LockedFile::path).toList());
    }

    @Test
    void plainHttpIsRefusedExceptFromThisMachine() {
        ProctorException e = assertThrows(ProctorException.class,
                () -> locker.fromUrl("http://example.org/{path}", List.of("a.csv"), List.of()));
        assertEquals(true, e.getMessage().contains("only https"), e.getMessage());
    }
}
