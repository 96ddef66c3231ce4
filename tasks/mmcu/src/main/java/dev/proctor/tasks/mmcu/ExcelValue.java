package dev.proctor.tasks.mmcu;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One cell as pandas 1.5's {@code read_excel} (openpyxl engine) hands it to its parser: empty (a blank cell, an
 * empty string or an error cell), text, an integer (a number with no fraction, which openpyxl and pandas'
 * {@code convert_float} make an {@code int}), a float, a boolean, or a date-formatted number (a datetime).
 *
 * @param kind what the cell holds
 * @param text the string, for {@link Kind#TEXT}
 * @param number the value, for {@link Kind#INT} (integral) and {@link Kind#FLOAT}
 * @param bool the value, for {@link Kind#BOOL}
 * @param date the value, for {@link Kind#DATE}
 */
record ExcelValue(Kind kind, String text, double number, boolean bool, LocalDateTime date) {

    enum Kind { EMPTY, TEXT, INT, FLOAT, BOOL, DATE }

    static final ExcelValue EMPTY = new ExcelValue(Kind.EMPTY, null, 0, false, null);

    ExcelValue {
        Objects.requireNonNull(kind, "kind");
    }

    /** Text; the empty string is an empty cell, as pandas reads it. */
    static ExcelValue text(String s) {
        return s.isEmpty() ? EMPTY : new ExcelValue(Kind.TEXT, s, 0, false, null);
    }

    static ExcelValue number(double d) {
        boolean integral = !Double.isInfinite(d) && d == Math.rint(d);
        return new ExcelValue(integral ? Kind.INT : Kind.FLOAT, null, d, false, null);
    }

    static ExcelValue bool(boolean b) {
        return new ExcelValue(Kind.BOOL, null, 0, b, null);
    }

    static ExcelValue date(LocalDateTime d) {
        return new ExcelValue(Kind.DATE, null, 0, false, d);
    }

    boolean isEmpty() {
        return kind == Kind.EMPTY;
    }

    /** The integer of an {@link Kind#INT} cell, exactly (Python's {@code int(value)}). */
    BigInteger integer() {
        return new java.math.BigDecimal(number).toBigIntegerExact();
    }
}
