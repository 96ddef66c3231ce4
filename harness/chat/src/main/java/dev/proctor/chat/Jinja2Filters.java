package dev.proctor.chat;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.math.BigDecimal;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filters whose Jinjava versions answer differently from the ones transformers renders with: {@code tojson}
 * (transformers' own, json.dumps with Python's separators), and Jinja2's {@code trim}, {@code string},
 * {@code length}, {@code items}, {@code list}, {@code sum}, {@code upper}, {@code lower}, {@code capitalize} and
 * {@code title}, which work on Python values (code points, Python whitespace, Python's spelling of values, whole
 * numbers that stay whole).
 */
final class Jinja2Filters {
    /** A filter's body: the filtered value and its arguments, keyword ones as {@link NamedParameter}s. */
    @FunctionalInterface
    interface Body {
        Object apply(Object value, Object[] args);
    }

    /** A filter by name, the arguments Jinjava hands it put back together in Python's order. */
    record Named(String name, Body body) implements Filter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            List<Object> all = new ArrayList<>(Arrays.asList(args));
            kwargs.forEach((k, v) -> all.add(new NamedParameter(k, v)));
            return body.apply(value, all.toArray());
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
            return body.apply(value, args);
        }
    }

    static final List<Filter> ALL = List.of(
            new Named("tojson", Jinja2Filters::tojson),
            new Named("trim", (v, a) -> {
                Object[] p = PyArgs.positional("trim", a, 0, 1, List.of("chars"));
                return PyStr.strip(PyRepr.str(v), p.length > 0 && p[0] != null ? PyRepr.str(p[0]) : null, true, true);
            }),
            new Named("string", (v, a) -> PyRepr.str(v)),
            new Named("length", Jinja2Filters::length),
            new Named("count", Jinja2Filters::length),
            new Named("items", Jinja2Filters::items),
            new Named("list", (v, a) -> v == null ? PyArgs.list(List.of()) : PyArgs.list(listOf(PyArgs.iterate(v)))),
            new Named("sum", Jinja2Filters::sum),
            new Named("upper", (v, a) -> PyStr.call(PyRepr.str(v), "upper", a)),
            new Named("lower", (v, a) -> PyStr.call(PyRepr.str(v), "lower", a)),
            new Named("capitalize", (v, a) -> PyStr.call(PyRepr.str(v), "capitalize", a)),
            new Named("title", (v, a) -> {
                PyArgs.positional("title", a, 0, 0, List.of());
                return title(PyRepr.str(v));
            }));

    private Jinja2Filters() {
    }

    /**
     * transformers' {@code tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)}; positional
     * arguments bind in that order, so {@code tojson(4)} is ensure_ascii=4, as in transformers.
     */
    private static Object tojson(Object value, Object[] args) {
        Object[] p = PyArgs.positional("tojson", args, 0, 4,
                List.of("ensure_ascii", "indent", "separators", "sort_keys"));
        Object separators = p.length > 2 ? p[2] : null;
        if (separators != null && !(separators instanceof List)) {
            throw new PyError("tojson separators must be a pair, not " + PyRepr.typeName(separators));
        }
        return PyJson.of(p.length > 0 && PyArgs.truthy(p[0]), p.length > 1 ? p[1] : null, (List<?>) separators,
                p.length > 3 && PyArgs.truthy(p[3])).dumps(value);
    }

    /** Python's {@code len}: code points of a string, items of a container; an undefined value has none. */
    private static Object length(Object value, Object[] args) {
        if (value == null) {
            return 0L;
        }
        if (value instanceof CharSequence s) {
            return (long) s.toString().codePointCount(0, s.length());
        }
        if (value instanceof Collection<?> c) {
            return (long) c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return (long) m.size();
        }
        long n = 0;
        for (Object ignored : PyArgs.iterate(value)) {
            n++;
        }
        return n;
    }

    private static List<Object> listOf(Iterable<?> items) {
        List<Object> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }

    /** Python's {@code sum}: whole numbers stay whole ({@code [1, 2]|sum} is 3, not 3.0). */
    private static Object sum(Object value, Object[] args) {
        Object[] p = PyArgs.positional("sum", args, 0, 2, List.of("attribute", "start"));
        if (p.length > 0 && p[0] != null) {
            throw new PyError("sum(attribute=...) is not supported here");
        }
        Object total = p.length > 1 && p[1] != null ? p[1] : 0L;
        for (Object item : value == null ? List.of() : PyArgs.iterate(value)) {
            total = add(total, item);
        }
        return total;
    }

    private static Object add(Object a, Object b) {
        if (!(a instanceof Number x) || !(b instanceof Number y) || a instanceof Boolean || b instanceof Boolean) {
            throw new PyError("unsupported operand type(s) for +: '" + PyRepr.typeName(a) + "' and '"
                    + PyRepr.typeName(b) + "'");
        }
        boolean whole = !(x instanceof Double || x instanceof Float || x instanceof BigDecimal || y instanceof Double
                || y instanceof Float || y instanceof BigDecimal);
        if (whole) {
            return x.longValue() + y.longValue();
        }
        return x.doubleValue() + y.doubleValue();
    }

    /** Jinja2 3.1's {@code items}: a mapping's (key, value) pairs; an undefined value has none. */
    private static Object items(Object value, Object[] args) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new PyError("Can only get item pairs from a mapping.");
        }
        List<Object> pairs = new ArrayList<>();
        map.forEach((k, v) -> pairs.add(new SimpleImmutableEntry<>(k, v)));
        return pairs;
    }

    /**
     * Jinja2's {@code title} filter (not str.title): the text split into words and runs of Python whitespace, dashes
     * and opening brackets; each piece's first character upper-cased and the rest lowered.
     */
    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < s.length()) {
            boolean delimiters = titleDelimiter(s.codePointAt(start));
            int end = start;
            while (end < s.length() && titleDelimiter(s.codePointAt(end)) == delimiters) {
                end += Character.charCount(s.codePointAt(end));
            }
            int first = s.codePointAt(start);
            out.append(Character.toString(first).toUpperCase(Locale.ROOT))
                    .append(s.substring(start + Character.charCount(first), end).toLowerCase(Locale.ROOT));
            start = end;
        }
        return out.toString();
    }

    private static boolean titleDelimiter(int cp) {
        return cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<' || PyStr.isSpace(cp);
    }
}
