package dev.proctor.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.PropertyNotFoundException;

/**
 * {@code value[start:stop:step]} with Python's semantics, for lists and strings (by code point): any part may be
 * left out, negative indices count from the end, out-of-range ones are clamped, a negative step walks backwards
 * ({@code messages[::-1]}, as Qwen 3's template iterates). Jinjava's own slice knows no step.
 */
final class PySlice extends AstRightValue {
    private final AstNode base;
    private final AstNode start;
    private final AstNode stop;
    private final AstNode step;

    PySlice(AstNode base, AstNode start, AstNode stop, AstNode step) {
        this.base = base;
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object value = base.eval(bindings, context);
        if (value == null) { // an undefined value cannot be sliced (Jinja2 raises UndefinedError)
            throw new PropertyNotFoundException("cannot slice an undefined value: " + base);
        }
        Long from = index(start, bindings, context);
        Long to = index(stop, bindings, context);
        Long by = index(step, bindings, context);
        if (value instanceof CharSequence s) {
            int[] cps = s.toString().codePoints().toArray();
            StringBuilder out = new StringBuilder();
            for (int i : positions(cps.length, from, to, by)) {
                out.appendCodePoint(cps[i]);
            }
            return out.toString();
        }
        List<?> items = value instanceof List<?> list ? list : value instanceof Object[] array ? Arrays.asList(array)
                : null;
        if (items == null) {
            List<Object> copy = new ArrayList<>();
            PyArgs.iterate(value).forEach(copy::add);
            items = copy;
        }
        List<Object> out = new ArrayList<>();
        for (int i : positions(items.size(), from, to, by)) {
            out.add(items.get(i));
        }
        return PyArgs.list(out);
    }

    /** The indices {@code range(n)[start:stop:step]} selects, as Python's {@code slice.indices} computes them. */
    static int[] positions(int n, Long start, Long stop, Long step) {
        long by = step == null ? 1 : step;
        if (by == 0) {
            throw new PyError("slice step cannot be zero");
        }
        long lower = by < 0 ? -1 : 0;
        long upper = by < 0 ? n - 1 : n;
        long from = start == null ? (by < 0 ? upper : lower) : bound(start, n, lower, upper);
        long to = stop == null ? (by < 0 ? lower : upper) : bound(stop, n, lower, upper);
        List<Integer> picked = new ArrayList<>();
        for (long i = from; by > 0 ? i < to : i > to; i += by) {
            picked.add((int) i);
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long bound(long i, int n, long lower, long upper) {
        return i < 0 ? Math.max(i + n, lower) : Math.min(i, upper);
    }

    private static Long index(AstNode node, Bindings bindings, ELContext context) {
        Object value = node == null ? null : node.eval(bindings, context);
        return value == null ? null : PyArgs.integer(value, "slice indices");
    }

    @Override
    public void appendStructure(StringBuilder b, Bindings bindings) {
        base.appendStructure(b, bindings);
        b.append('[');
        append(start, b, bindings);
        b.append(':');
        append(stop, b, bindings);
        b.append(':');
        append(step, b, bindings);
        b.append(']');
    }

    private static void append(AstNode node, StringBuilder b, Bindings bindings) {
        if (node != null) {
            node.appendStructure(b, bindings);
        }
    }

    @Override
    public int getCardinality() {
        return 4;
    }

    @Override
    public AstNode getChild(int i) {
        return switch (i) {
            case 0 -> base;
            case 1 -> start;
            case 2 -> stop;
            case 3 -> step;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "[::]";
    }
}
