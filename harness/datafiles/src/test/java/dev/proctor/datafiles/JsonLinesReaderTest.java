package dev.proctor.datafiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsObjectsWithLineNumbersToleratingCrlfAndATrailingBlankLine() throws IOException {
        Path f = Files.writeString(dir.resolve("a.jsonl"), "{\"q\": \"一\"}\r\n{\"q\": \"二\"}\r\n\r\n");
        List<JsonLine> lines = JsonLinesReader.read(f);
        assertEquals(2, lines.size());
        assertEquals("二", lines.get(1).object().get("q").asText());
        assertEquals(2, lines.get(1).source().line());
    }

    @Test
    void malformedLineNamesFileLineAndProblem() throws IOException {
        Path f = Files.writeString(dir.resolve("m.jsonl"), "{\"q\": 1}\n{\"q\": 2\n{\"q\": 3}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> JsonLinesReader.read(f));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(f + ":2: expected one JSON object per line, found malformed JSON"),
                e.getMessage());
    }

    @Test
    void twoObjectsOnOneLineOrANonObjectAreErrors() throws IOException {
        Path two = Files.writeString(dir.resolve("two.jsonl"), "{\"q\": 1} {\"q\": 2}\n");
        assertEquals(1, assertThrows(DataFormatException.class, () -> JsonLinesReader.read(two)).line());
        Path array = Files.writeString(dir.resolve("arr.jsonl"), "{}\n[1, 2]\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> JsonLinesReader.read(array));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("found a JSON array"), e.getMessage());
    }
}
