package dev.proctor.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The report's JSON writer and the one rule for numbers that cannot be computed: null, with the reason beside it. */
public final class JsonValues {
    /** Pretty-printing mapper for results.json. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonValues() {
    }

    /** A JSON value (map, list, string, number, boolean) as a tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * Puts a number, or null when it is NaN or infinite; a reason for a null goes into {@code undefined} under the
     * same field name.
     */
    public static void number(ObjectNode node, String field, double value, Map<String, String> reasons,
                              ObjectNode undefined) {
        if (Double.isFinite(value)) {
            node.put(field, value);
            return;
        }
        node.putNull(field);
        String reason = reasons.get(field);
        undefined.put(field, reason != null ? reason : "not a finite number (" + value + ")");
    }
}
