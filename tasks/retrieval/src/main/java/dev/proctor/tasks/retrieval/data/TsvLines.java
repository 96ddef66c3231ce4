package dev.proctor.tasks.retrieval.data;

import dev.proctor.api.DataFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tab-separated lines, as BEIR writes qrels (Python's csv module with a tab delimiter; ids carry no tabs or
 * quotes). Strict UTF-8, optional byte-order mark, LF or CRLF; blank lines skipped. proctor-datafiles'
 * CsvReader is comma-only, hence this small reader.
 */
final class TsvLines {
    /** One non-blank line and its 1-based number. */
    record Row(long line, List<String> fields) {
    }

    private TsvLines() {
    }

    static List<Row> read(Path file) {
        String text = decode(file);
        String[] lines = text.split("\r\n|\n|\r", -1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(new Row(i + 1L, List.of(lines[i].split("\t", -1))));
            }
        }
        return rows;
    }

    private static String decode(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, 0, "expected a qrels TSV file, found no such file");
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "expected a readable qrels TSV file, found " + e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, 0, "expected UTF-8 text, found an invalid byte sequence");
        }
    }
}
