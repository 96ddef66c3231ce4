package dev.proctor.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ArchiveExtractor}: faithful extraction, and refusals that leave nothing behind. */
class ArchiveExtractorTest {
    @TempDir
    Path tmp;

    @Test
    void extractsTheTreeByteForByteKeepingCrlfAndBom() throws IOException {
        Map<String, byte[]> files = Fixtures.demoFiles();
        Path zip = Fixtures.write(tmp.resolve("in.zip"), Fixtures.zip(files));

        long bytes = new ArchiveExtractor(1 << 20, 100).extract(zip, tmp.resolve("out"));

        assertEquals(files.values().stream().mapToLong(b -> b.length).sum(), bytes);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(tmp.resolve("out").resolve(f.getKey())), f.getKey());
        }
        assertEquals(List.of(tmp.resolve("in.zip"), tmp.resolve("out")), listing(), "no temp folder is left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "data/../../evil.txt", "/tmp/proctor-evil.txt", "..\\evil.txt", "C:/evil.txt"})
    void zipSlipEntryRefusesTheWholeArchive(String name) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("data/ok.txt", "fine".getBytes());
        entries.put(name, "escaped".getBytes());
        Path zip = Fixtures.write(tmp.resolve("work/slip.zip"), Fixtures.zip(entries));
        Path target = tmp.resolve("work/out/inner");

        ProctorException e = assertThrows(ProctorException.class,
                () -> new ArchiveExtractor(1 << 20, 100).extract(zip, target));

        assertTrue(e.getMessage().contains("zip-slip") && e.getMessage().contains(name), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(tmp.resolve("evil.txt")) || Files.exists(tmp.resolve("work/evil.txt"))
                || Files.exists(tmp.resolve("work/out/evil.txt")) || Files.exists(Path.of("/tmp/proctor-evil.txt")));
        try (Stream<Path> left = Files.list(tmp.resolve("work/out"))) {
            assertEquals(List.of(), left.toList(), "the temp folder is removed");
        }
    }

    @Test
    void archiveExpandingPastTheLimitIsRefused() throws IOException {
        Path zip = Fixtures.write(tmp.resolve("bomb.zip"), Fixtures.zip(Map.of("zeros.bin", new byte[3_000_000])));
        assertTrue(Files.size(zip) < 20_000, "compresses well");

        ProctorException e = assertThrows(ProctorException.class,
                () -> new ArchiveExtractor(1_000_000, 100).extract(zip, tmp.resolve("out")));

        assertTrue(e.getMessage().contains("limit of 1000000 bytes"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void sizesClaimedByHeadersAreNotTrusted() throws IOException {
        byte[] zip = Fixtures.zip(Map.of("zeros.bin", new byte[3_000_000]));
        int patched = claimUncompressedSize(zip, 10);
        assertTrue(patched > 0, "found the central directory's size field");
        Path file = Fixtures.write(tmp.resolve("liar.zip"), zip);

        ProctorException e = assertThrows(ProctorException.class,
                () -> new ArchiveExtractor(1_000_000, 100).extract(file, tmp.resolve("out")));

        assertTrue(e.getMessage().contains("limit of 1000000 bytes"), e.getMessage());
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            entries.put("f" + i, new byte[0]);
        }
        Path zip = Fixtures.write(tmp.resolve("many.zip"), Fixtures.zip(entries));

        ProctorException e = assertThrows(ProctorException.class,
                () -> new ArchiveExtractor(1_000_000, 10).extract(zip, tmp.resolve("out")));

        assertTrue(e.getMessage().contains("more than 10 entries"), e.getMessage());
    }

    @Test
    void notAZipIsNamed() throws IOException {
        Path zip = Fixtures.write(tmp.resolve("x.zip"), "not a zip".getBytes());

        ProctorException e = assertThrows(ProctorException.class,
                () -> ArchiveExtractor.standard().extract(zip, tmp.resolve("out")));

        assertTrue(e.getMessage().contains(zip.toString()), e.getMessage());
    }

    /** Rewrites every uncompressed-size field (central directory, and local header unless a data descriptor follows). */
    private static int claimUncompressedSize(byte[] zip, int size) {
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (buf.getInt(i) == 0x02014b50) { // central directory file header
                buf.putInt(i + 24, size);
                patched++;
            } else if (buf.getInt(i) == 0x04034b50) { // local file header
                buf.putInt(i + 22, size);
            } else if (buf.getInt(i) == 0x08074b50) { // data descriptor: crc, compressed, uncompressed
                buf.putInt(i + 12, size);
            }
        }
        return patched;
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.sorted().toList();
        }
    }
}
