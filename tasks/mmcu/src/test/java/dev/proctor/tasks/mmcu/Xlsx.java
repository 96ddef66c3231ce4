package dev.proctor.tasks.mmcu;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes workbooks in MMCU's layout for tests: each sheet a header row {@code 题目, A..D, 答案} (as wide as its widest
 * row) and then the rows given; a cell is a String, a Number, a Boolean or null (left blank).
 */
final class Xlsx {
    private final Map<String, List<Object[]>> sheets = new LinkedHashMap<>();

    static Xlsx sheet(String name, Object[]... rows) {
        return new Xlsx().and(name, rows);
    }

    Xlsx and(String name, Object[]... rows) {
        sheets.put(name, List.of(rows));
        return this;
    }

    static Object[] row(Object... cells) {
        return cells;
    }

    /** Writes {@code <root>/<split>/<stem>.xlsx} and returns it. */
    Path write(Path root, String split, String stem) throws IOException {
        Path file = root.resolve(split).resolve(stem + ".xlsx");
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (Map.Entry<String, List<Object[]>> e : sheets.entrySet()) {
                Sheet sheet = book.createSheet(e.getKey());
                int width = e.getValue().stream().mapToInt(r -> r.length).max().orElse(6);
                List<Object> header = new ArrayList<>(List.of("题目"));
                for (int c = 0; c < width - 2; c++) {
                    header.add(String.valueOf((char) ('A' + c)));
                }
                header.add("答案");
                fill(sheet.createRow(0), header.toArray());
                for (int r = 0; r < e.getValue().size(); r++) {
                    fill(sheet.createRow(r + 1), e.getValue().get(r));
                }
            }
            book.write(out);
        }
        return file;
    }

    private static void fill(Row row, Object[] cells) {
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }
}
