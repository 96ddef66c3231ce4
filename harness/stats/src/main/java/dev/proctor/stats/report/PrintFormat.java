package dev.proctor.stats.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How numbers look at the terminal: four significant digits (p-values of 1e-8 stay visible, unlike fixed
 * decimals), whole numbers without decimals, and "undefined" for a number that has no value (never 0 or Infinity). Only printing uses it; CSV and JSON keep every digit.
 */
public final class PrintFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    /** Sets this format on every numeric column of the table and returns the table. */
    public static Table apply(Table table) {
        for (Column<?> c : table.columns()) {
            if (c instanceof NumericColumn<?> n) {
                n.setPrintFormatter(new PrintFormat(), "undefined");
            }
        }
        return table;
    }

    @Override
    public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
        if (!Double.isFinite(v)) {
            return to.append("undefined"); // why is in the report's notes and stats.json
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return to.append((long) v);
        }
        return to.append(String.format(Locale.ROOT, "%.4g", v));
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
        return to.append(v);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("print-only format");
    }
}
