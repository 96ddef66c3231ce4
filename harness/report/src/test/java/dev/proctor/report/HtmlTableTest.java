package dev.proctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTableTest {
    @Test
    void textIsEscapedNumbersRightAlignedAndMarkedCellsMarked() {
        Table t = Table.create("t", StringColumn.create("name <b>", new String[] {"<script>alert(1)</script>", "a&b"}),
                DoubleColumn.create("acc", new double[] {0.5, Double.NaN}));
        String html = HtmlTable.render(t, (row, column) -> row == 0 && column.equals("acc"));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<th>name &lt;b&gt;</th>"), html);
        assertTrue(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
        assertTrue(html.contains("<td class=\"num best\">0.5000</td>"), html);
        assertTrue(html.contains("<td class=\"num\"></td>"), "an undefined number is an empty cell: " + html);
        assertEquals("&quot;x&#39;", HtmlTable.escape("\"x'"));
    }
}
