package dev.proctor.coco.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.coco.Box;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streamed, typed reads from one JSON file, each failing with a {@link DataFormatException} that names the file, the place
 * as a JSON path ({@code $.annotations[3].bbox}) and what was expected there.
 */
final class JsonInput {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final int SHOWN = 80;

    private final Path file;

    JsonInput(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** What {@link #parse} does with the parser, from the first token on. */
    interface Body<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** What {@link #elements} does with each element of an array. */
    interface Element {
        void accept(int index, JsonNode node) throws IOException;
    }

    /**
     * Streams the file, so that a results file of a million detections never becomes one tree. Syntax errors
     * (NaN and Infinity are read as numbers, as Python's json reads them, so that the field check names them)
     * become a {@link DataFormatException} with the line and column.
     */
    <T> T parse(String expected, Body<T> body) {
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                throw new DataFormatException(file, 0, "the file is empty; expected " + expected);
            }
            return body.read(parser);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new DataFormatException(file, at == null ? 0 : at.getLineNr(), "not valid JSON"
                    + (at == null ? "" : " (column " + at.getColumnNr() + ")") + ": " + e.getOriginalMessage()
                    + "; expected " + expected);
        } catch (IOException e) {
            throw new ProctorException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Each element of the array the parser is at, read as a small tree. */
    void elements(JsonParser parser, String path, String expected, Element element) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(path, "expected an array of " + expected + ", found " + current(parser));
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            element.accept(index++, MAPPER.readTree(parser));
        }
    }

    /** The value the parser is at, described for a message; an object or array is skipped over. */
    static String current(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return token == JsonToken.START_OBJECT ? "an object" : "an array";
        }
        return token == JsonToken.VALUE_STRING ? "the string \"" + parser.getText() + "\"" : parser.getText();
    }

    DataFormatException error(String path, String problem) {
        return new DataFormatException(file, 0, path + ": " + problem);
    }

    JsonNode object(JsonNode node, String path, String expected) {
        if (!node.isObject()) {
            throw error(path, "expected " + expected + ", found " + shown(node));
        }
        return node;
    }

    JsonNode array(JsonNode parent, String field, String path, String expected) {
        JsonNode node = required(parent, field, path, "an array of " + expected);
        if (!node.isArray()) {
            throw error(path + "." + field, "expected an array of " + expected + ", found " + shown(node));
        }
        return node;
    }

    /** An integer id; COCO ids are integers (an integral float such as 3.0 is read as 3, as Python compares). */
    long integer(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path, "an integer");
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                && Math.abs(node.doubleValue()) < 0x1p53) {
            return (long) node.doubleValue();
        }
        throw error(path + "." + field, "expected an integer, found " + shown(node));
    }

    double finite(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path, "a finite number");
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw error(path + "." + field, "expected a finite number, found " + shown(node));
        }
        return node.doubleValue();
    }

    Box box(JsonNode parent, String path) {
        String expected = "[x, y, width, height]: 4 finite numbers, width and height >= 0";
        JsonNode node = required(parent, "bbox", path, expected);
        boolean numbers = node.isArray() && node.size() == 4;
        for (int i = 0; numbers && i < 4; i++) {
            numbers = node.get(i).isNumber() && Double.isFinite(node.get(i).doubleValue());
        }
        if (!numbers || node.get(2).doubleValue() < 0 || node.get(3).doubleValue() < 0) {
            throw error(path + ".bbox", "expected " + expected + ", found " + shown(node));
        }
        return new Box(node.get(0).doubleValue(), node.get(1).doubleValue(), node.get(2).doubleValue(),
                node.get(3).doubleValue());
    }

    private JsonNode required(JsonNode parent, String field, String path, String expected) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw error(path, "missing field '" + field + "' (expected " + expected + ")");
        }
        return node;
    }

    static String shown(JsonNode node) {
        String text = node.isTextual() ? "the string " + node
                : node.isNumber() && !Double.isFinite(node.doubleValue()) ? String.valueOf(node.doubleValue())
                : node.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
