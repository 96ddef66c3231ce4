package dev.proctor.datafiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.SourceLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON Lines file (UTF-8, optional byte-order mark, LF or CRLF): one JSON object per line.
 * Blank lines (such as a trailing one) are skipped; anything else that is not a JSON object is an error
 * naming the line and Jackson's description of the problem.
 */
public final class JsonLinesReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonLinesReader() {
    }

    public static List<JsonLine> read(Path file) {
        String text = TextFiles.readUtf8(file, "a JSON Lines file");
        List<JsonLine> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            long lineNo = i + 1L;
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new DataFormatException(file, lineNo,
                        "expected one JSON object per line, found malformed JSON: " + e.getOriginalMessage());
            }
            if (!(node instanceof ObjectNode object)) {
                throw new DataFormatException(file, lineNo,
                        "expected one JSON object per line, found a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            out.add(new JsonLine(new SourceLine(file, lineNo), object));
        }
        return out;
    }
}
