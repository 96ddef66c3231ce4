package dev.proctor.stats.io;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A table of scores from any tool: one row per model or checkpoint (in training order), one column per task or
 * subtask. Read from CSV (first column = the row's name) or built from Proctor runs.
 *
 * @param source  where it came from, for messages
 * @param rows    row names
 * @param columns column names
 * @param values  [row][column]; NaN for an empty cell
 */
public record ScoreTable(String source, List<String> rows, List<String> columns, double[][] values) {
    public ScoreTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        if (values.length != rows.size()) {
            throw new IllegalArgumentException(source + ": " + values.length + " value rows for " + rows.size() + " names");
        }
        for (double[] row : values) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(source + ": a row has " + row.length + " values for " + columns.size() + " columns");
            }
        }
    }

    /**
     * Reads a CSV with a header. Every column but the first must hold numbers (empty, NA and NaN cells read as
     * NaN); a non-numeric cell is an error naming its row and column. Pick columns with {@link #select} after.
     */
    public static ScoreTable readCsv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ProctorException("score table " + file.toAbsolutePath() + " does not exist");
        }
        Table table;
        try {
            // All columns as text, so numbers are parsed here, exactly, with errors that name the cell.
            table = Table.read().csv(CsvReadOptions.builder(file.toFile()).columnTypes(name -> ColumnType.STRING)
                    .header(true).build());
        } catch (RuntimeException e) {
            throw new DataFormatException(file, 0, "cannot read as CSV: " + e.getMessage());
        }
        if (table.columnCount() < 2) {
            throw new DataFormatException(file, 1, "expected a name column and at least one score column");
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            rows.add(table.stringColumn(0).get(r));
        }
        List<String> columns = table.columnNames().subList(1, table.columnCount());
        double[][] values = new double[table.rowCount()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            var column = table.stringColumn(c + 1);
            for (int r = 0; r < table.rowCount(); r++) {
                values[r][c] = parse(file, r + 2, columns.get(c), column.get(r));
            }
        }
        return new ScoreTable(file.toString(), rows, columns, values);
    }

    private static double parse(Path file, long line, String column, String cell) {
        String text = cell == null ? "" : cell.strip();
        if (text.isEmpty() || text.equals("NA") || text.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, "column '" + column + "' holds '" + text
                    + "', not a number (select score columns with --columns)");
        }
    }

    public int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new ProctorException(source + " has no column '" + name + "'");
        }
        return i;
    }

    public double[] column(String name) {
        return column(columnIndex(name));
    }

    public double[] column(int c) {
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = values[r][c];
        }
        return out;
    }

    /** The columns whose names match the regular expression (whole name), in table order. */
    public ScoreTable select(Pattern pattern) {
        List<String> kept = columns.stream().filter(c -> pattern.matcher(c).matches()).toList();
        if (kept.isEmpty()) {
            throw new ProctorException(source + ": no column matches '" + pattern + "'; columns: "
                    + String.join(", ", columns.subList(0, Math.min(20, columns.size())))
                    + (columns.size() > 20 ? ", ..." : ""));
        }
        return selectColumns(kept);
    }

    public ScoreTable selectColumns(List<String> names) {
        double[][] out = new double[rows.size()][names.size()];
        for (int c = 0; c < names.size(); c++) {
            double[] col = column(names.get(c));
            for (int r = 0; r < rows.size(); r++) {
                out[r][c] = col[r];
            }
        }
        return new ScoreTable(source, rows, names, out);
    }

    /** The last n rows (checkpoints at the end of training); all rows when n exceeds them. */
    public ScoreTable lastRows(int n) {
        if (n < 1) {
            throw new ProctorException("the number of last rows must be at least 1, got " + n);
        }
        int from = Math.max(0, rows.size() - n);
        double[][] out = new double[rows.size() - from][];
        for (int r = from; r < rows.size(); r++) {
            out[r - from] = values[r].clone();
        }
        return new ScoreTable(source, rows.subList(from, rows.size()), columns, out);
    }

    /**
     * A column that is the weighted mean of others, row by row ({@code np.average(values, weights=w)}), e.g. MMLU
     * from its four categories.
     */
    public double[] weightedMean(List<String> names, double[] weights) {
        if (names.size() != weights.length) {
            throw new IllegalArgumentException(names.size() + " columns for " + weights.length + " weights");
        }
        double weightSum = 0;
        for (double w : weights) {
            weightSum += w;
        }
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            double s = 0;
            for (int c = 0; c < names.size(); c++) {
                s += values[r][columnIndex(names.get(c))] * weights[c];
            }
            out[r] = s / weightSum;
        }
        return out;
    }

    /**
     * Rows grouped by name, in order of first appearance: repeated names are checkpoints of one model in
     * training order (what checkpoint averaging needs).
     */
    public Map<String, List<Integer>> rowsByName() {
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            map.computeIfAbsent(rows.get(r), k -> new ArrayList<>()).add(r);
        }
        return map;
    }
}
