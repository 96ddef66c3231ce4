package dev.proctor.stats.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares our numbers with a reference's, value by value, within a stated absolute tolerance, and remembers the
 * largest difference per kind so the test can print how close we came.
 */
public final class Agreement {
    private final String name;
    private final Map<String, Double> maxByKind = new TreeMap<>();

    public Agreement(String name) {
        this.name = name;
    }

    /** Reads a peer value: a number, or "NaN"/"Infinity"/"-Infinity". */
    public static double value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new AssertionError("reference value missing");
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return switch (node.asText()) {
            case "NaN", "NA" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new AssertionError("not a number: " + node);
        };
    }

    public void check(String kind, String what, double ours, JsonNode reference, double tolerance) {
        check(kind, what, ours, value(reference), tolerance);
    }

    public void check(String kind, String what, double ours, double theirs, double tolerance) {
        if (Double.isNaN(theirs) || Double.isInfinite(theirs)) {
            if (Double.compare(ours, theirs) != 0) {
                fail(name + " " + what + ": ours " + ours + ", reference " + theirs);
            }
            maxByKind.merge(kind, 0.0, Math::max);
            return;
        }
        double diff = Math.abs(ours - theirs);
        assertTrue(diff <= tolerance, () -> String.format(Locale.ROOT, "%s %s: ours %.17g, reference %.17g, |diff| %.3g > %.1g",
                name, what, ours, theirs, diff, tolerance));
        maxByKind.merge(kind, diff, Math::max);
    }

    public double max(String kind) {
        return maxByKind.getOrDefault(kind, Double.NaN);
    }

    public double max() {
        return maxByKind.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(": max |ours - reference|");
        maxByKind.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.3g;", k, v)));
        return sb.toString();
    }
}
