package dev.proctor.chat;

import com.hubspot.jinjava.objects.SafeString;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Method calls and indexing on template values as Jinja2 performs them in transformers' immutable sandbox: strings
 * answer Python's str methods ({@link PyStr}) and index by code point; dicts answer {@code items}, {@code keys},
 * {@code values} and {@code get}, lists {@code index} and {@code count}; a method that would change a list or dict is
 * refused as unsafe, and any other Java method of these values is refused as the attribute Python lacks. What this
 * resolver leaves unresolved (everything but strings, lists and dicts) goes on to Jinjava's own resolvers.
 */
final class PyMethods extends ELResolver {
    /** Methods of Python's list, dict and set that change them: ImmutableSandboxedEnvironment refuses these. */
    private static final Set<String> MUTATORS = Set.of("append", "extend", "insert", "pop", "remove", "clear",
            "sort", "reverse", "update", "popitem", "setdefault", "add", "discard");

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
        String name = Objects.toString(method);
        if (base instanceof String || base instanceof SafeString) {
            context.setPropertyResolved(true);
            return PyStr.call(base.toString(), name, params);
        }
        if (base instanceof Map<?, ?> map) {
            context.setPropertyResolved(true);
            return dict(map, name, params);
        }
        if (base instanceof List<?> list) {
            context.setPropertyResolved(true);
            return list(list, name, params);
        }
        return null;
    }

    /** {@code text[i]}: the code point at a Python index, or undefined (null) where there is none. */
    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (!(base instanceof String || base instanceof SafeString)) {
            return null;
        }
        context.setPropertyResolved(true);
        String s = base.toString();
        long i;
        try {
            i = Long.parseLong(Objects.toString(property));
        } catch (NumberFormatException e) {
            return null; // an attribute Python's str lacks is undefined, as in Jinja2
        }
        int n = s.codePointCount(0, s.length());
        long at = i < 0 ? i + n : i;
        return at < 0 || at >= n ? null : Character.toString(s.codePointAt(s.offsetByCodePoints(0, (int) at)));
    }

    private static Object dict(Map<?, ?> map, String name, Object[] params) {
        switch (name) {
            case "items" -> {
                PyArgs.positional("dict.items", params, 0, 0, List.of());
                List<Object> items = new ArrayList<>();
                map.entrySet().forEach(items::add);
                return PyArgs.list(items);
            }
            case "keys" -> {
                PyArgs.positional("dict.keys", params, 0, 0, List.of());
                return PyArgs.list(new ArrayList<>(map.keySet()));
            }
            case "values" -> {
                PyArgs.positional("dict.values", params, 0, 0, List.of());
                return PyArgs.list(new ArrayList<>(map.values()));
            }
            case "get" -> {
                Object[] a = PyArgs.positional("dict.get", params, 1, 2, List.of());
                return map.containsKey(a[0]) ? map.get(a[0]) : a.length > 1 ? a[1] : null;
            }
            default -> throw refused("dict", name);
        }
    }

    private static Object list(List<?> list, String name, Object[] params) {
        switch (name) {
            case "count" -> {
                Object x = PyArgs.positional("list.count", params, 1, 1, List.of())[0];
                return list.stream().filter(item -> pyEquals(item, x)).count();
            }
            case "index" -> {
                Object x = PyArgs.positional("list.index", params, 1, 1, List.of())[0];
                for (int i = 0; i < list.size(); i++) {
                    if (pyEquals(list.get(i), x)) {
                        return (long) i;
                    }
                }
                throw new PyError(PyRepr.repr(x) + " is not in list");
            }
            default -> throw refused("list", name);
        }
    }

    private static PyError refused(String type, String name) {
        return new PyError(MUTATORS.contains(name)
                ? "access to attribute '" + name + "' of '" + type + "' object is unsafe."
                : "'" + type + " object' has no attribute '" + name + "'");
    }

    /** Python's {@code ==} as far as template values go: numbers by value (1 == 1.0), everything else by equals. */
    static boolean pyEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a instanceof SafeString ? a.toString() : a, b instanceof SafeString ? b.toString() : b);
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // never resolves a write: Jinjava's resolvers after this one refuse them (the resolver is read-only)
    }
}
