package dev.proctor.htmlreport.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.htmlreport.charts.Charts;
import java.util.Locale;
import java.util.Optional;

/**
 * One metric of one row of {@code results.json}: the value, its standard error and its confidence interval, NaN where
 * results.json has null, with the reason it gives.
 *
 * @param undefined why the value (or its interval) is undefined, as results.json says
 */
public record Estimate(double value, double stderr, double low, double high, Optional<String> undefined) {
    static Estimate of(JsonNode metric) {
        JsonNode ci = metric.get("ci");
        boolean hasCi = ci != null && ci.isArray() && ci.size() == 2;
        JsonNode why = metric.get("undefined");
        Optional<String> reason = Optional.empty();
        if (why != null && why.size() > 0) {
            StringBuilder sb = new StringBuilder();
            why.fields().forEachRemaining(e -> sb.append(sb.length() == 0 ? "" : "; ").append(e.getKey()).append(": ")
                    .append(e.getValue().asText()));
            reason = Optional.of(sb.toString());
        }
        return new Estimate(number(metric.get("value")), number(metric.get("stderr")),
                hasCi ? number(ci.get(0)) : Double.NaN, hasCi ? number(ci.get(1)) : Double.NaN, reason);
    }

    /** This estimate as a labelled row of an intervals chart. */
    public Charts.Interval interval(String label) {
        return new Charts.Interval(label, value, low, high);
    }

    /** Whether the interval is known. */
    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** {@code 0.8539 [0.8425, 0.8685]}, or {@code undefined}. */
    public String text() {
        if (Double.isNaN(value)) {
            return "undefined";
        }
        return hasInterval() ? String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", value, low, high)
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }
}
