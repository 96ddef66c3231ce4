package dev.proctor.chat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of template values, which is what Jinja2 prints for {@code {{ value }}} and
 * what its {@code string} filter gives: {@code True}, {@code 0.1}, {@code 1e-07}, {@code {'role': 'user'}}. Java's
 * {@code toString} spells each of these differently.
 */
final class PyRepr {
    private PyRepr() {
    }

    /**
     * Python's {@code str(value)}. Null, which stands for both None and an undefined value in Jinjava, prints as
     * Jinja2 prints an undefined value: empty.
     */
    static String str(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        return repr(value);
    }

    /** Python's {@code repr(value)}, lists and dicts with their items' reprs. */
    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof CharSequence s) {
            return quote(s.toString());
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) { // Jinjava's arithmetic may give one where Python has a float
            return floatRepr(d.doubleValue());
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof Map.Entry<?, ?> e) { // a dict item, a tuple in Python
            return "(" + repr(e.getKey()) + ", " + repr(e.getValue()) + ")";
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder out = new StringBuilder("{");
            String separator = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(separator).append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                separator = ", ";
            }
            return out.append('}').toString();
        }
        if (value instanceof PyTuple tuple) {
            StringBuilder out = new StringBuilder("(");
            for (Iterator<?> i = tuple.iterator(); i.hasNext(); ) {
                out.append(repr(i.next())).append(i.hasNext() ? ", " : tuple.size() == 1 ? "," : "");
            }
            return out.append(')').toString();
        }
        if (value instanceof Iterable<?> items) {
            StringBuilder out = new StringBuilder("[");
            for (Iterator<?> i = items.iterator(); i.hasNext(); ) {
                out.append(repr(i.next())).append(i.hasNext() ? ", " : "");
            }
            return out.append(']').toString();
        }
        return value.toString();
    }

    /** The Python type name of a value, for error messages. */
    static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof CharSequence) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return "float";
        }
        if (value instanceof Number) {
            return "int";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof Iterable) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back as the same double, in positional notation when
     * the exponent is from -4 to 15, else as {@code 1e-07}, {@code 1.5e+16}.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().abs().toString();
        int point = digits.length() - shortest.scale(); // the value is 0.DIGITS x 10^point
        String sign = d < 0 ? "-" : "";
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                return sign + "0." + "0".repeat(-point) + digits;
            }
            if (point >= digits.length()) {
                return sign + digits + "0".repeat(point - digits.length()) + ".0";
            }
            return sign + digits.substring(0, point) + "." + digits.substring(point);
        }
        int exponent = point - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    /**
     * The fewest significant digits that round back to {@code d}. The correctly rounded n-digit decimal is the closest
     * one to {@code d}, so if any n-digit decimal reads back as {@code d}, it does.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int n = 1; n < 17; n++) {
            BigDecimal candidate = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return strip(candidate);
            }
        }
        return strip(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static BigDecimal strip(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.unscaledValue().equals(BigInteger.ZERO) ? BigDecimal.ZERO : stripped;
    }

    /** Python's string repr: single quotes unless only double ones avoid escaping, unprintable characters escaped. */
    private static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(q);
        s.codePoints().forEach(cp -> {
            if (cp == q || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (printable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp < 0x100) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.append(q).toString();
    }

    /** Python's {@code str.isprintable} for one character: not a control, format, separator or unassigned one. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
