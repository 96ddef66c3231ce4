package dev.proctor.datafiles;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.SourceLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (RFC 4180 quoting, UTF-8, optional byte-order mark, LF or CRLF line ends) into records
 * that remember the line they start on. Blank lines are skipped. Every record is returned, the header
 * row included: callers decide what the first record means.
 */
public final class CsvReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .build();

    private CsvReader() {
    }

    public static List<CsvRecord> read(Path file) {
        String text = TextFiles.readUtf8(file, "a CSV file");
        LineIndex lines = new LineIndex(text);
        List<CsvRecord> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException e) {
                    // commons-csv stops at the line where the quoting went wrong
                    throw new DataFormatException(file, Math.max(1, parser.getCurrentLineNumber()),
                            "expected RFC 4180 CSV (fields quoted with \"...\", quotes doubled inside), found: "
                                    + e.getCause().getMessage());
                }
                long line = lines.lineOfRecordStarting(record.getCharacterPosition());
                out.add(new CsvRecord(new SourceLine(file, line), record.toList()));
            }
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "expected a readable CSV file, found " + e);
        }
        return out;
    }

    /** Maps character offsets to 1-based line numbers; CRLF, LF and a lone CR each end a line. */
    private static final class LineIndex {
        private final String text;
        private final int[] lineStarts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * commons-csv reports the position where it began looking for the record, which lies before any
         * blank lines it skipped; the record itself starts at the first character that ends no line.
         */
        long lineOfRecordStarting(long position) {
            int p = (int) position;
            while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
                p++;
            }
            int i = java.util.Arrays.binarySearch(lineStarts, p);
            return (i >= 0 ? i : -i - 2) + 1L;
        }
    }
}
