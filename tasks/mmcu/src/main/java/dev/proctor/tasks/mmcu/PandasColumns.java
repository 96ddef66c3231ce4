package dev.proctor.tasks.mmcu;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What pandas 1.5's {@code read_excel} makes of one column of a sheet, the way TestChatGPT.py reads MMCU: text equal
 * to one of pandas' default NA strings ({@code "NA"}, {@code "null"}, {@code "#N/A"}, ...) is missing; a column whose
 * every cell is a number, a boolean, number-like text or missing becomes numbers (integers when none is missing or
 * fractional, else floats: {@code 3} then prints {@code 3.0}, and missing {@code nan}), or booleans when all are
 * booleans; a column of dates and missing cells becomes dates ({@code NaT} for missing); any other column keeps each
 * value as it is, turned into booleans only when every one is a boolean or {@code True}/{@code false}-like text.
 * Checked against pandas itself by the parity fixture (MmcuParityTest).
 */
final class PandasColumns {
    /** pandas 1.5 {@code STR_NA_VALUES}, matched exactly. */
    static final Set<String> NA_STRINGS = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN",
            "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null");
    private static final Set<String> BOOL_STRINGS = Set.of("True", "TRUE", "true", "False", "FALSE", "false");
    private static final Pattern INT_TEXT = Pattern.compile("\\s*[+-]?\\d+\\s*");
    private static final Pattern FLOAT_TEXT = Pattern.compile(
            "\\s*[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|(?i:inf|infinity|nan))\\s*");

    private PandasColumns() {
    }

    /** The column's values as the script sees them, in row order. */
    static List<PyValue> infer(List<ExcelValue> cells) {
        List<ExcelValue> values = new ArrayList<>(cells.size());
        for (ExcelValue v : cells) {
            values.add(v.kind() == ExcelValue.Kind.TEXT && NA_STRINGS.contains(v.text()) ? ExcelValue.EMPTY : v);
        }
        if (values.stream().allMatch(PandasColumns::numeric)) {
            return numbers(values);
        }
        boolean dates = values.stream().anyMatch(v -> v.kind() == ExcelValue.Kind.DATE);
        if (dates && values.stream().allMatch(v -> v.isEmpty() || v.kind() == ExcelValue.Kind.DATE)) {
            return values.stream().map(v -> v.isEmpty() ? new PyValue(PyValue.Type.MISSING, "NaT")
                    : other(PythonText.date(v.date()))).toList();
        }
        if (values.stream().allMatch(v -> v.kind() == ExcelValue.Kind.BOOL
                || v.kind() == ExcelValue.Kind.TEXT && BOOL_STRINGS.contains(v.text()))) {
            return values.stream().map(v -> other(PythonText.bool(v.kind() == ExcelValue.Kind.BOOL ? v.bool()
                    : v.text().toLowerCase(Locale.ROOT).equals("true")))).toList();
        }
        return values.stream().map(PandasColumns::asIs).toList();
    }

    /** A value pandas' {@code maybe_convert_numeric} takes: a number, a boolean, missing, or number-like text. */
    private static boolean numeric(ExcelValue v) {
        return switch (v.kind()) {
            case EMPTY, INT, FLOAT, BOOL -> true;
            case TEXT -> FLOAT_TEXT.matcher(v.text()).matches();
            case DATE -> false;
        };
    }

    private static List<PyValue> numbers(List<ExcelValue> values) {
        if (!values.isEmpty() && values.stream().allMatch(v -> v.kind() == ExcelValue.Kind.BOOL)) {
            return values.stream().map(v -> other(PythonText.bool(v.bool()))).toList();
        }
        boolean integers = values.stream().allMatch(v -> v.kind() == ExcelValue.Kind.INT
                || v.kind() == ExcelValue.Kind.BOOL
                || v.kind() == ExcelValue.Kind.TEXT && INT_TEXT.matcher(v.text()).matches());
        List<PyValue> out = new ArrayList<>(values.size());
        for (ExcelValue v : values) {
            if (integers) {
                out.add(other(integer(v).toString()));
            } else if (v.isEmpty()) {
                out.add(new PyValue(PyValue.Type.MISSING, "nan"));
            } else {
                out.add(other(PythonText.floatRepr(real(v))));
            }
        }
        return out;
    }

    private static BigInteger integer(ExcelValue v) {
        return switch (v.kind()) {
            case BOOL -> v.bool() ? BigInteger.ONE : BigInteger.ZERO;
            case TEXT -> new BigInteger(v.text().strip());
            default -> v.integer();
        };
    }

    private static double real(ExcelValue v) {
        return switch (v.kind()) {
            case BOOL -> v.bool() ? 1 : 0;
            case TEXT -> parseFloat(v.text().strip());
            default -> v.number();
        };
    }

    /** Python's {@code float(text)} for the number-like text matched above. */
    private static double parseFloat(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        return new BigDecimal(s).doubleValue();
    }

    /** A value of a column left as it is (pandas' object dtype). */
    private static PyValue asIs(ExcelValue v) {
        return switch (v.kind()) {
            case EMPTY -> new PyValue(PyValue.Type.MISSING, "nan");
            case TEXT -> new PyValue(PyValue.Type.STR, v.text());
            case INT -> other(v.integer().toString());
            case FLOAT -> other(PythonText.floatRepr(v.number()));
            case BOOL -> other(PythonText.bool(v.bool()));
            case DATE -> other(PythonText.date(v.date()));
        };
    }

    private static PyValue other(String text) {
        return new PyValue(PyValue.Type.OTHER, text);
    }
}
