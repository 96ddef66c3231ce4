package dev.proctor.chat;

import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps} as transformers' {@code tojson} filter calls it: keys in insertion order unless sorted,
 * non-ASCII text kept unless {@code ensure_ascii}, separators {@code ", "} and {@code ": "} by default ({@code ","}
 * between items once there is an indent), floats as Python spells them.
 *
 * @param ensureAscii   escape every character outside printable ASCII as {@code \\uXXXX}
 * @param indent        the text of one indentation level; null for everything on one line
 * @param itemSeparator between items of a list or dict
 * @param keySeparator  between a key and its value
 * @param sortKeys      dict keys sorted
 */
record PyJson(boolean ensureAscii, String indent, String itemSeparator, String keySeparator, boolean sortKeys) {

    /**
     * {@code json.dumps(value, ensure_ascii=..., indent=..., separators=..., sort_keys=...)} with Python's defaults for
     * what is null.
     *
     * @param indent     a number of spaces or the indentation text itself; null for none
     * @param separators a two-item list, or null for Python's defaults
     */
    static PyJson of(boolean ensureAscii, Object indent, List<?> separators, boolean sortKeys) {
        String unit = indent == null ? null
                : indent instanceof CharSequence s ? s.toString()
                : " ".repeat((int) Math.max(0, PyArgs.integer(indent, "indent")));
        if (separators != null && separators.size() != 2) {
            throw new PyError("separators must be a pair, not " + PyRepr.repr(separators));
        }
        String item = separators != null ? PyRepr.str(separators.get(0)) : unit == null ? ", " : ",";
        String key = separators != null ? PyRepr.str(separators.get(1)) : ": ";
        return new PyJson(ensureAscii, unit, item, key, sortKeys);
    }

    /** The JSON text of a template value. */
    String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    private void write(Object value, int level, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof SafeString) {
            string(value.toString(), out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            out.append(number(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            object(map, level, out);
        } else if (value instanceof Map.Entry<?, ?> e) { // a dict item is a tuple, which JSON writes as a list
            array(Arrays.asList(e.getKey(), e.getValue()), level, out);
        } else if (value instanceof Iterable<?> items) {
            array(items, level, out);
        } else if (value instanceof Object[] items) {
            array(Arrays.asList(items), level, out);
        } else {
            throw new PyError("Object of type " + PyRepr.typeName(value)
                    + " is not JSON serializable");
        }
    }

    private void object(Map<?, ?> map, int level, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            entries.add(new SimpleImmutableEntry<>(key(e.getKey()), e.getValue()));
        }
        if (sortKeys) {
            entries.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        }
        out.append('{');
        String separator = newline(level + 1);
        for (Map.Entry<String, Object> e : entries) {
            out.append(separator);
            string(e.getKey(), out);
            out.append(keySeparator);
            write(e.getValue(), level + 1, out);
            separator = itemSeparator + newline(level + 1);
        }
        out.append(newline(level)).append('}');
    }

    private void array(Iterable<?> items, int level, StringBuilder out) {
        Iterator<?> i = items.iterator();
        if (!i.hasNext()) {
            out.append("[]");
            return;
        }
        out.append('[').append(newline(level + 1));
        while (i.hasNext()) {
            write(i.next(), level + 1, out);
            if (i.hasNext()) {
                out.append(itemSeparator).append(newline(level + 1));
            }
        }
        out.append(newline(level)).append(']');
    }

    /** Where there is an indent, a line break and {@code level} indents; else nothing. */
    private String newline(int level) {
        return indent == null ? "" : "\n" + indent.repeat(level);
    }

    /** A dict key as json.dumps turns it into a string: str as is, bool/None/int/float as their JSON spelling. */
    private static String key(Object k) {
        if (k instanceof CharSequence s) {
            return s.toString();
        }
        if (k == null) {
            return "null";
        }
        if (k instanceof Boolean b) {
            return b.toString();
        }
        if (k instanceof Double || k instanceof Float || k instanceof BigDecimal) {
            return number(((Number) k).doubleValue());
        }
        if (k instanceof Number n) {
            return n.toString();
        }
        throw new PyError("keys must be str, int, float, bool or None, not " + PyRepr.typeName(k));
    }

    /** Python's float repr, with JSON's spelling of the values JSON lacks (as json.dumps writes them by default). */
    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PyRepr.floatRepr(d);
    }

    private void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || ensureAscii && c > 0x7E) { // UTF-16 units: a surrogate pair as two escapes
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
