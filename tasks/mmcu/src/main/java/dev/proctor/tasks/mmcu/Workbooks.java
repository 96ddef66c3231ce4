package dev.proctor.tasks.mmcu;

import dev.proctor.api.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads .xlsx workbooks (Apache POI): the names of their sheets, and a sheet's rows as the cells
 * pandas' openpyxl reader sees ({@link ExcelValue}). Rows and columns are positional from the sheet's first row and
 * column A, as pandas reads them; trailing empty rows are dropped, as pandas drops them.
 */
final class Workbooks {
    private Workbooks() {
    }

    /** One sheet: its name and its rows from the first (the header), each as wide as its last non-empty cell. */
    record SheetRows(Path file, String sheet, List<List<ExcelValue>> rows) {
    }

    /** The sheet names, in workbook order. */
    static List<String> sheetNames(Path file) {
        try (XSSFWorkbook book = open(file)) {
            List<String> names = new ArrayList<>();
            for (Sheet sheet : book) {
                names.add(sheet.getSheetName());
            }
            return names;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * One sheet's rows; {@code sheet} null for the first sheet, as {@code pd.read_excel} reads without a
     * {@code sheet_name}.
     */
    static SheetRows read(Path file, String sheet) {
        try (XSSFWorkbook book = open(file)) {
            if (book.getNumberOfSheets() == 0) {
                throw new DataFormatException(file, 0, "expected a workbook with a sheet, found none");
            }
            Sheet s = sheet == null ? book.getSheetAt(0) : book.getSheet(sheet);
            if (s == null) {
                throw new DataFormatException(file, 0, "expected a sheet '" + sheet + "', found the sheets "
                        + sheetNames(book));
            }
            return new SheetRows(file, s.getSheetName(), rows(s));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static List<List<ExcelValue>> rows(Sheet sheet) {
        List<List<ExcelValue>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<ExcelValue> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(value(row.getCell(c)));
                }
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            rows.add(cells);
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    /** A cell as openpyxl gives it to pandas: a formula by its cached result, an error cell as empty. */
    private static ExcelValue value(Cell cell) {
        if (cell == null) {
            return ExcelValue.EMPTY;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> ExcelValue.text(cell.getStringCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? ExcelValue.date(cell.getLocalDateTimeCellValue())
                    : ExcelValue.number(cell.getNumericCellValue());
            case BOOLEAN -> ExcelValue.bool(cell.getBooleanCellValue());
            default -> ExcelValue.EMPTY;
        };
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, 0, "expected an MMCU workbook (.xlsx), found no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        } catch (RuntimeException e) {
            // POI reports a file that is no .xlsx (a zip without a workbook, an old .xls) with unchecked exceptions
            throw new DataFormatException(file, 0, "expected an .xlsx workbook, found a file POI cannot read: "
                    + e.getMessage());
        }
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static DataFormatException unreadable(Path file, IOException e) {
        return new DataFormatException(file, 0, "expected a readable .xlsx workbook, found: " + e.getMessage());
    }
}
