package dev.proctor.chat;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.objects.collections.PyList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Arguments of a Python call made from a template, checked as Python checks them, and Python's truth and types. */
final class PyArgs {
    private PyArgs() {
    }

    /**
     * The positional arguments of {@code function(*args)}, keyword arguments ({@code sep=','}, which Jinjava passes as
     * {@link NamedParameter}s) put in their place.
     *
     * @param keywords the parameters, in order, that may be passed by keyword; none for positional-only methods
     * @throws PyError as Python's TypeError: too few or many arguments, an unknown or repeated keyword
     */
    static Object[] positional(String function, Object[] args, int min, int max, List<String> keywords) {
        Object[] out = new Object[max];
        int given = 0;
        boolean[] set = new boolean[max];
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter named) {
                int at = keywords.indexOf(named.getName());
                if (at < 0) {
                    throw new PyError(function + "() got an unexpected keyword argument '"
                            + named.getName() + "'");
                }
                if (set[at]) {
                    throw new PyError(function + "() got multiple values for argument '"
                            + named.getName() + "'");
                }
                out[at] = named.getValue();
                set[at] = true;
            } else {
                if (given >= max) {
                    throw new PyError(function + "() takes at most " + max + " arguments ("
                            + args.length + " given)");
                }
                if (set[given]) {
                    throw new PyError(function + "() got multiple values for an argument");
                }
                out[given] = arg;
                set[given++] = true;
            }
        }
        int last = max;
        while (last > 0 && !set[last - 1]) {
            last--;
        }
        if (last < min) {
            throw new PyError(function + "() takes at least " + min + " argument(s) (" + last
                    + " given)");
        }
        return Arrays.copyOf(out, last);
    }

    /** A Python int (a bool counts, as in Python); anything else is a TypeError. */
    static long integer(Object o, String what) {
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new PyError(what + " must be an integer, not " + PyRepr.typeName(o));
    }

    /** Python's truth: None, False, zero and empty containers are false. */
    static boolean truthy(Object o) {
        if (o == null) {
            return false;
        }
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (o instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (o instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (o instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** What Python iterates: a string's characters, a mapping's keys, a sequence's items. */
    static Iterable<?> iterate(Object o) {
        if (o instanceof CharSequence s) {
            List<Object> chars = new ArrayList<>();
            s.codePoints().forEach(cp -> chars.add(Character.toString(cp)));
            return chars;
        }
        if (o instanceof Map<?, ?> m) {
            return m.keySet();
        }
        if (o instanceof Iterable<?> i) {
            return i;
        }
        if (o instanceof Object[] array) {
            return Arrays.asList(array);
        }
        throw new PyError("'" + PyRepr.typeName(o) + "' object is not iterable");
    }

    /** A new Python list, as Jinjava's expressions index and print lists. */
    static List<Object> list(List<?> items) {
        return new PyList(new ArrayList<>(items));
    }

    /** A new Python tuple. */
    static List<Object> tuple(List<?> items) {
        return new PyTuple(new ArrayList<>(items));
    }
}
