package dev.proctor.classification;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A class label as a JSON Lines file writes it: an integer or a string. Ordered as scikit-learn orders labels
 * ({@code unique_labels} sorts with numpy): integers by value, strings by Unicode code point (numpy compares UCS4,
 * not Java's UTF-16 units, so U+FF01 sorts before U+1F600). A data set mixing the two kinds is refused, as
 * {@code unique_labels} refuses it ("Mix of label input types (string and number)").
 */
public sealed interface Label extends Comparable<Label> permits Label.Int, Label.Text {

    /** An integer label ({@code 0}, {@code 5}). */
    record Int(long value) implements Label {
        @Override
        public String text() {
            return Long.toString(value);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** A string label ({@code "human"}). */
    record Text(String value) implements Label {
        public Text {
            java.util.Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }

        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    static Label of(long value) {
        return new Int(value);
    }

    static Label of(String value) {
        return new Text(value);
    }

    /**
     * A label typed on a command line, read as the data's labels are: an integer where they are integers.
     *
     * @throws IllegalArgumentException when {@code integer} and the text is not an integer
     */
    static Label parse(String text, boolean integer) {
        if (!integer) {
            return of(text);
        }
        try {
            return of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an integer, and the labels are integers", e);
        }
    }

    /** The label as JSON object keys and messages write it: {@code 0}, {@code human}. */
    String text();

    default boolean isInteger() {
        return this instanceof Int;
    }

    /** numpy's order; comparing an integer with a string is refused as scikit-learn refuses it. */
    @Override
    default int compareTo(Label other) {
        if (this instanceof Int a && other instanceof Int b) {
            return Long.compare(a.value(), b.value());
        }
        if (this instanceof Text a && other instanceof Text b) {
            return compareCodePoints(a.value(), b.value());
        }
        throw new IllegalArgumentException("Mix of label input types (string and number): " + this + " and " + other);
    }

    /**
     * The sorted union of the labels present, as {@code unique_labels(y_true, y_pred)}: scikit-learn's default
     * label set, so a label that appears only in predictions gets its own (zero) row in a macro average.
     */
    @SafeVarargs
    static List<Label> sortedUnion(Collection<Label>... labels) {
        TreeSet<Label> union = new TreeSet<>();
        for (Collection<Label> c : labels) {
            union.addAll(c);
        }
        return List.copyOf(union);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
