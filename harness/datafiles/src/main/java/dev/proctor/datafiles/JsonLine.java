package dev.proctor.datafiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.SourceLine;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON Lines record.
 *
 * @param source file and 1-based line
 * @param object the parsed object
 */
public record JsonLine(SourceLine source, ObjectNode object) {

    /** The field's value; an error naming the line and the keys it has when the field is missing or null. */
    public JsonNode required(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            throw problem("expected a field \"" + name + "\", found keys " + keys);
        }
        return node;
    }

    /** The record's id: a string or an integer, as text. */
    public String id() {
        JsonNode node = required("id");
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw problem("expected \"id\" to be a string or an integer, found " + node);
        }
        return node.asText();
    }

    /** An error at this line. */
    public DataFormatException problem(String message) {
        return new DataFormatException(source.file(), source.line(), message);
    }
}
