package dev.proctor.datafiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void recordsKeepTheLineTheyStartOnAcrossQuotedNewlinesBlankLinesAndCrlf() throws IOException {
        Path f = write("a.csv", "\uFEFF,Question,A\r\n0,\"two\r\nlines\",x\r\n\r\n1,\"say \"\"hi\"\"\",y\r\n2,plain,z");
        List<CsvRecord> records = CsvReader.read(f);
        assertEquals(4, records.size());
        assertEquals(List.of("", "Question", "A"), records.get(0).values(), "BOM stripped from the first field");
        assertEquals(List.of(1L, 2L, 5L, 6L), records.stream().map(r -> r.source().line()).toList());
        assertEquals("two\r\nlines", records.get(1).get(1));
        assertEquals("say \"hi\"", records.get(2).get(1));
        assertEquals(f, records.get(3).source().file());
    }

    @Test
    void leadingBlankLinesDoNotShiftLineNumbers() throws IOException {
        List<CsvRecord> records = CsvReader.read(write("b.csv", "\n\na,b\n\nc,d\n"));
        assertEquals(List.of(3L, 5L), records.stream().map(r -> r.source().line()).toList());
    }

    @Test
    void brokenQuotingNamesFileAndLine() throws IOException {
        Path f = write("bad.csv", "a,b\nc,\"d\"x\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(f));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("bad.csv:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("expected RFC 4180 CSV"), e.getMessage());
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] {'a', ',', 'b', '\n', 'c', ',', (byte) 0xE9, '\n'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(f));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("expected UTF-8"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.csv");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(f));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("no such file"), e.getMessage());
    }
}
