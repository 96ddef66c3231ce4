package dev.proctor.report;

import java.util.function.BiPredicate;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw table as an HTML {@code <table>}, cells as {@link MarkdownTable} writes them (4 decimals,
 * missing cells empty), numbers right-aligned, every text escaped. A cell the predicate marks gets
 * {@code class="best"}.
 */
public final class HtmlTable {
    private HtmlTable() {
    }

    public static String render(Table table) {
        return render(table, (row, column) -> false);
    }

    /** @param marked (row, column name) of the cells to mark */
    public static String render(Table table, BiPredicate<Integer, String> marked) {
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th>").append(escape(c.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < table.rowCount(); row++) {
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                String cls = (isNumeric(c) ? "num" : "") + (marked.test(row, c.name()) ? " best" : "");
                sb.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls.strip() + "\">")
                        .append(escape(MarkdownTable.cell(c, row))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    /** Text safe inside an element or a double-quoted attribute. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static boolean isNumeric(Column<?> c) {
        return c.type() == ColumnType.DOUBLE || c.type() == ColumnType.INTEGER || c.type() == ColumnType.LONG;
    }
}
