package dev.proctor.datasets;

import dev.proctor.datafiles.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small datasets for tests: file contents, their lock entry, and zips built in memory. */
final class Fixtures {
    private Fixtures() {
    }

    /** Two text files (one with a space and '&amp;' in its path) and one binary-ish file bigger than a buffer. */
    static Map<String, byte[]> demoFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("data/test/a.csv", "q,A,B,C,D,answer\r\n1+1?,1,2,3,4,B\r\n".getBytes(StandardCharsets.UTF_8));
        files.put("data/test/Arts & Humanities-x.jsonl",
                "\uFEFF{\"question\":\"问题\",\"answer\":\"A\"}\n".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + i / 7);
        }
        files.put("data/dev/big.bin", big);
        return files;
    }

    static List<LockedFile> locked(Map<String, byte[]> files) {
        return files.entrySet().stream()
                .map(e -> new LockedFile(e.getKey(), Sha256.of(e.getValue()), e.getValue().length)).toList();
    }

    /** Serves every file under {@code /repo/<encoded path>} and returns the matching lock entry. */
    static DatasetEntry serve(FixtureServer server, String id, Map<String, byte[]> files) {
        files.forEach((path, bytes) -> server.put("/repo/" + LockPaths.encode(path), bytes));
        return new DatasetEntry(id, "v1", "CC0", "Fixture et al.", DatasetSource.url(server.url("/repo/{path}")),
                locked(files));
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
