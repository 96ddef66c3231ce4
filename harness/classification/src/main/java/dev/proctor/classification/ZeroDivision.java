package dev.proctor.classification;

import dev.proctor.api.UnknownNameException;
import java.util.Arrays;

/**
 * scikit-learn's {@code zero_division}: what a precision (no item predicted as the class) or a recall (no gold item
 * of the class) that is 0/0 becomes ({@code _prf_divide}). {@code "warn"}, sklearn's default, acts as 0 and only
 * warns. The SemEval-2024 Task 8 final scorer (commit ad552e9) passes 0; its earlier versions passed 1.
 */
public enum ZeroDivision {
    ZERO("0", 0.0),
    ONE("1", 1.0),
    WARN("warn", 0.0);

    private final String id;
    private final double value;

    ZeroDivision(String id, double value) {
        this.id = id;
        this.value = value;
    }

    /** As sklearn's argument is written: {@code 0}, {@code 1} or {@code warn}. */
    public String id() {
        return id;
    }

    /** What a 0/0 precision or recall becomes. */
    public double value() {
        return value;
    }

    public static ZeroDivision parse(String id) {
        String s = id.strip();
        for (ZeroDivision z : values()) {
            if (z.id.equals(s) || (z != WARN && Double.toString(z.value).equals(s))) {
                return z;
            }
        }
        throw new UnknownNameException("zero_division value", id, Arrays.stream(values()).map(ZeroDivision::id).toList());
    }
}
