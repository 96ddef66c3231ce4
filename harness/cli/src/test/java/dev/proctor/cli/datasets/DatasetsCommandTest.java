package dev.proctor.cli.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.datafiles.Sha256;
import dev.proctor.datasets.DatasetEntry;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code proctor datasets lock|list|fetch|verify} end to end, against a loopback HTTP server. */
@Timeout(60)
class DatasetsCommandTest {
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("data/test/a.csv", "q,A,B,C,D,answer\r\n1+1?,1,2,3,4,B\r\n");
        FILES.put("data/dev/Arts & Humanities.jsonl", "\uFEFF{\"question\":\"问题\"}\n");
    }

    @TempDir
    Path tmp;

    private LoopbackServer server;
    private Path lock;
    private Path cache;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        FILES.forEach((path, text) -> server.put("/repo/" + path.replace(" ", "%20").replace("&", "%26"),
                text.getBytes(StandardCharsets.UTF_8)));
        lock = tmp.resolve("datasets.lock");
        cache = tmp.resolve("cache");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void lockListFetchVerify() {
        DatasetsCli.Result locked = lockDemo();
        assertEquals(0, locked.exit(), locked.err());
        assertTrue(locked.out().startsWith("locked demo 1: 2 files, "), locked.out());
        DatasetEntry entry = DatasetLock.read(lock).get("demo");
        assertEquals(Sha256.of(FILES.get("data/test/a.csv")), entry.file("data/test/a.csv").orElseThrow().sha256());
        assertEquals("CC0", entry.license());

        assertTrue(run("list").out().contains("missing"));
        DatasetsCli.Result fetched = run("fetch", "demo");
        assertEquals(0, fetched.exit(), fetched.err());
        assertTrue(fetched.out().startsWith("demo 1: 2 files fetched"), fetched.out());
        DatasetsCli.Result listed = run("list");
        assertTrue(listed.out().matches("(?s)ID.*\\ndemo\\s+1\\s+2\\s+\\d+\\s+verified\\n.*"), listed.out());
        DatasetsCli.Result verified = run("verify", "demo");
        assertEquals(0, verified.exit(), verified.err());
        assertTrue(verified.out().startsWith("demo 1: 2 files verified in " + cache.toAbsolutePath()), verified.out());

        int before = server.requests();
        assertTrue(run("fetch", "demo").out().contains("0 files fetched (0 bytes), 2 already present"));
        assertEquals(before, server.requests());
    }

    @Test
    void verifyOfAnAlteredCopyExitsOneNamingFileAndBothHashes() throws IOException {
        lockDemo();
        Path copy = tmp.resolve("copy");
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.createDirectories(copy.resolve(f.getKey()).getParent());
            Files.writeString(copy.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(copy.resolve("data/test/a.csv"), FILES.get("data/test/a.csv").replace('B', 'C'));

        DatasetsCli.Result r = run("verify", "demo", "--data-dir", copy.toString());

        assertEquals(1, r.exit());
        String expected = Sha256.of(FILES.get("data/test/a.csv"));
        String actual = Sha256.of(copy.resolve("data/test/a.csv"));
        assertTrue(r.err().startsWith("error: dataset demo: " + copy.resolve("data/test/a.csv") + " does not match"
                + " datasets.lock: expected sha256 " + expected + ", actual " + actual), r.err());
        assertEquals(0, run("verify", "demo", "--data-dir", copy.toString(), "--file", "data/dev/*").exit(),
                "only the files asked about are checked");
    }

    @Test
    void verifyWithoutTheDataNamesTheFilesAndTheFetchCommand() {
        lockDemo();

        DatasetsCli.Result r = run("verify", "demo");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("dataset demo: 2 locked files are missing"), r.err());
        assertTrue(r.err().contains("data/test/a.csv"), r.err());
        assertTrue(r.err().contains("`proctor datasets fetch demo --cache " + cache.toAbsolutePath() + "`"), r.err());
    }

    @Test
    void fetchOfOtherBytesThanLockedExitsOneWithBothHashesAndKeepsNothing() {
        lockDemo();
        server.put("/repo/data/test/a.csv", "tampered".getBytes(StandardCharsets.UTF_8));

        DatasetsCli.Result r = run("fetch", "demo");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("data/test/a.csv does not match datasets.lock: expected sha256 "
                + Sha256.of(FILES.get("data/test/a.csv")) + ", actual " + Sha256.of("tampered")), r.err());
        assertTrue(run("list").out().contains("partial (1 verified, 1 missing)"), run("list").out());
    }

    @Test
    void fetchOfAnUnservedFileExitsOneWithThe404() throws IOException {
        Path lockText = Files.writeString(lock, """
                {"lockVersion": 1, "datasets": [{"id": "gone", "version": "1",
                  "source": {"type": "url", "fileUrlTemplate": "%s"},
                  "files": [{"path": "data/x y.csv", "sha256": "%s", "bytes": 1}]}]}
                """.formatted(server.url("/nothing/{path}"), Sha256.of("x")));

        DatasetsCli.Result r = run("fetch", "gone");

        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: not found (HTTP 404): " + server.url("/nothing/data/x%20y.csv")
                + " for data/x y.csv of dataset gone"), r.err());
        assertTrue(Files.exists(lockText));
    }

    @Test
    void relockFromAFolderWithAGitHubRepositoryKeepsLicenseAndCountsChanges() throws IOException {
        lockDemo();
        Path folder = tmp.resolve("checkout");
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.createDirectories(folder.resolve(f.getKey()).getParent());
            Files.writeString(folder.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(folder.resolve("data/test/a.csv"), "changed");
        Files.writeString(folder.resolve("data/test/b.csv"), "new");

        DatasetsCli.Result r = run("lock", "demo", "--from", folder.toString(), "--repository",
                "https://github.com/example/demo", "--commit", "0123456789abcdef", "--lock", lock.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(1 changed, 1 added, 0 removed)"), r.out());
        DatasetEntry entry = DatasetLock.read(lock).get("demo");
        assertEquals("0123456", entry.version());
        assertEquals("CC0", entry.license());
        assertEquals("https://raw.githubusercontent.com/example/demo/0123456789abcdef/{path}",
                entry.source().fileUrlTemplate());
    }

    @Test
    void unknownDatasetExitsOneSayingWhatIsLocked() {
        lockDemo();
        DatasetsCli.Result r = run("fetch", "ceval");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("dataset ceval is not in datasets.lock (locked: demo)"), r.err());
    }

    @Test
    void realCmmluCopyVerifiesAgainstTheRepositoryLock() {
        Path cmmlu = SharedFolder.require("data/cmmlu");

        DatasetsCli.Result r = DatasetsCli.run("verify", "cmmlu", "--data-dir", cmmlu.toString(), "--lock",
                repositoryLock().toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals("cmmlu d6e7b71: 134 files verified in " + cmmlu + System.lineSeparator(), r.out());
    }

    private DatasetsCli.Result lockDemo() {
        DatasetsCli.Result r = DatasetsCli.run("lock", "demo", "--from", server.url("/repo/{path}"), "--file",
                "data/test/a.csv", "--file", "data/dev/Arts & Humanities.jsonl", "--version", "1", "--license", "CC0",
                "--lock", lock.toString());
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    private DatasetsCli.Result run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--lock";
        all[args.length + 1] = lock.toString();
        all[args.length + 2] = "--cache";
        all[args.length + 3] = cache.toString();
        if (args[0].equals("lock")) {
            return DatasetsCli.run(args);
        }
        return DatasetsCli.run(all);
    }

    private static Path repositoryLock() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DatasetLock.FILE_NAME)) && Files.isDirectory(dir.resolve("harness"))) {
                return dir.resolve(DatasetLock.FILE_NAME);
            }
        }
        throw new IllegalStateException("no datasets.lock above " + Path.of("").toAbsolutePath());
    }
}
