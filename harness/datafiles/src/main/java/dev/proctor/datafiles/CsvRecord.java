package dev.proctor.datafiles;

import dev.proctor.api.task.SourceLine;
import java.util.List;

/**
 * One CSV record with the place it starts.
 *
 * @param source file and 1-based line of the record's first physical line
 * @param values the fields, unquoted
 */
public record CsvRecord(SourceLine source, List<String> values) {
    public CsvRecord {
        values = List.copyOf(values);
    }

    public String get(int column) {
        return values.get(column);
    }

    public int size() {
        return values.size();
    }
}
