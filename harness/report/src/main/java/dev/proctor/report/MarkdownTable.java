package dev.proctor.report;

import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw table as a GitHub-flavoured Markdown table; numbers get 4 decimals, missing cells stay empty. */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    public static String render(Table table) {
        StringBuilder sb = new StringBuilder();
        StringBuilder rule = new StringBuilder("|");
        sb.append('|');
        for (Column<?> c : table.columns()) {
            sb.append(' ').append(c.name()).append(" |");
            rule.append(isNumeric(c) ? " ---: |" : " --- |");
        }
        sb.append('\n').append(rule).append('\n');
        for (int row = 0; row < table.rowCount(); row++) {
            sb.append('|');
            for (Column<?> c : table.columns()) {
                sb.append(' ').append(cell(c, row).replace("|", "\\|")).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "";
        }
        if (c.type() == ColumnType.DOUBLE) {
            double v = (Double) c.get(row);
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
        }
        return String.valueOf(c.get(row));
    }

    private static boolean isNumeric(Column<?> c) {
        return c.type() == ColumnType.DOUBLE || c.type() == ColumnType.INTEGER || c.type() == ColumnType.LONG;
    }
}
