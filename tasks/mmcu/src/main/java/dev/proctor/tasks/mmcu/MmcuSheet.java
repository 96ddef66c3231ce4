package dev.proctor.tasks.mmcu;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.mc.Item;
import dev.proctor.datafiles.McItems;
import java.util.ArrayList;
import java.util.List;

/**
 * One sheet's rows as MMCU items, read as TestChatGPT.py reads them with {@code pd.read_excel(header=0)}: the first
 * row is a header (its names are not used); columns are positional: the question, then {@code ncols - 2} options
 * lettered A-D, then the answer. The options are cleaned ({@link MmcuCleaning#option}); the answer is the cleaned
 * label, kept as letters ({@link Item#goldLetters}). Errors name file, sheet and row (the sheet's 1-based row).
 */
final class MmcuSheet {
    private MmcuSheet() {
    }

    static List<Item> items(Workbooks.SheetRows sheet, String subject, Split split, BadLabels badLabels) {
        List<List<ExcelValue>> rows = sheet.rows();
        if (rows.size() < 2) {
            throw error(sheet, 0, "expected a header row and at least one question row, found "
                    + (rows.isEmpty() ? "an empty sheet" : "the header alone"));
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        if (width < 3 || width > 6) {
            throw error(sheet, 1, "expected the columns question, one to four options (A-D) and answer, found "
                    + width + " column" + (width == 1 ? "" : "s"));
        }
        List<List<PyValue>> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            List<ExcelValue> column = new ArrayList<>(rows.size() - 1);
            for (List<ExcelValue> row : rows.subList(1, rows.size())) {
                column.add(c < row.size() ? row.get(c) : ExcelValue.EMPTY);
            }
            columns.add(PandasColumns.infer(column));
        }
        List<Item> items = new ArrayList<>(rows.size() - 1);
        for (int i = 0; i < rows.size() - 1; i++) {
            int line = i + 2; // the header is row 1
            PyValue question = columns.get(0).get(i);
            if (!question.isStr()) {
                throw error(sheet, line, "expected the question as text, found " + question.describe()
                        + " (TestChatGPT.py fails on such a row)");
            }
            List<String> options = new ArrayList<>(width - 2);
            for (int c = 1; c < width - 1; c++) {
                options.add(MmcuCleaning.option(columns.get(c).get(i)));
            }
            String label = label(sheet, line, columns.get(width - 1).get(i), badLabels);
            items.add(new Item(McItems.id(subject, split, i), subject, question.text(), options, Item.NO_GOLD,
                    new SourceLine(sheet.file(), line), label));
        }
        return items;
    }

    private static String label(Workbooks.SheetRows sheet, int line, PyValue answer, BadLabels badLabels) {
        if (!answer.isStr()) {
            throw error(sheet, line, "expected the answer as letters (A-D, several for several answers), found "
                    + answer.describe() + "; TestChatGPT.py stops reading the sheet at such a row (its README of"
                    + " 2023-05-13 gives three answers missing from early copies: 心理学 306 B, 传染病学 126 A,"
                    + " 传染病学 155 C)");
        }
        String label = MmcuCleaning.label(answer.text());
        if (badLabels == BadLabels.REFUSE && !MmcuCleaning.readable(label)) {
            throw error(sheet, line, "expected the answer as one to four distinct letters of A-D (several answers"
                    + " written together, as ABD; after TestChatGPT.py's cleaning: spaces, \\u3000 and commas removed,"
                    + " ＡＢＣＤ made ABCD), found " + answer.describe() + "; no response can match it, so the script"
                    + " scores it as never correct: --task-arg " + BadLabels.KEY + "=" + BadLabels.NEVER_CORRECT.id()
                    + " keeps such questions and scores them so");
        }
        return label;
    }

    private static DataFormatException error(Workbooks.SheetRows sheet, int line, String problem) {
        return new DataFormatException(sheet.file(), line, "sheet '" + sheet.sheet() + "'"
                + (line > 0 ? " row " + line : "") + ": " + problem);
    }
}
