package dev.proctor.chat;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The tests whose Jinjava versions answer differently from Jinja2's on Python values: a string is
 * {@code iterable} and a {@code sequence} (Llama 3.1 asks {@code content is iterable} to decide whether to tojson
 * it), a dict is a {@code sequence}, a bool is a {@code number} but not an {@code integer}.
 */
final class Jinja2Tests {
    /** A test by name. */
    record Named(String name, Predicate<Object> test) implements ExpTest {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object value, JinjavaInterpreter interpreter, Object... args) {
            if (args.length > 0) {
                throw new PyError("test " + name + " takes no arguments");
            }
            return test.test(value);
        }
    }

    static final List<ExpTest> ALL = List.of(
            new Named("iterable", v -> v instanceof CharSequence || v instanceof Iterable || v instanceof Map
                    || v instanceof Object[]),
            new Named("sequence", v -> v instanceof CharSequence || v instanceof List || v instanceof Map
                    || v instanceof Object[]),
            new Named("mapping", v -> v instanceof Map),
            new Named("string", v -> v instanceof CharSequence),
            new Named("number", v -> v instanceof Number || v instanceof Boolean),
            new Named("integer", v -> v instanceof Long || v instanceof Integer || v instanceof Short
                    || v instanceof Byte || v instanceof BigInteger),
            new Named("float", v -> v instanceof Double || v instanceof Float || v instanceof BigDecimal),
            new Named("boolean", v -> v instanceof Boolean));

    private Jinja2Tests() {
    }
}
