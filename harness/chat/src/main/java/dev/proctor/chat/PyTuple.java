package dev.proctor.chat;

import com.hubspot.jinjava.objects.collections.PyList;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple ({@code (a, b)} in a template, what {@code str.partition} returns): a list to Jinjava, but printed
 * as Python prints a tuple, {@code ('a', 'b')}.
 */
final class PyTuple extends PyList {
    PyTuple(List<Object> items) {
        super(Collections.unmodifiableList(items));
    }
}
