package dev.proctor.tasks.retrieval.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The optional {@code dataset.json} beside a BEIR dataset (Proctor's own addition; BEIR has none):
 * {@code {"name", "language", "description"}}. The bundled suite carries one so its language is declared, not
 * detected.
 *
 * @param name        display name, or the folder's name
 * @param language    declared language, if any
 * @param description free text, may be empty
 */
public record DatasetMetadata(String name, Optional<Language> language, String description) {
    public static final String FILE = "dataset.json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    public static DatasetMetadata read(Path dir) {
        Path file = dir.resolve(FILE);
        String folder = dir.toAbsolutePath().normalize().getFileName() == null ? "dataset"
                : dir.toAbsolutePath().normalize().getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return new DatasetMetadata(folder, Optional.empty(), "");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "expected a JSON object {\"name\", \"language\", \"description\"},"
                    + " found: " + e.getMessage());
        }
        return of(root, file, folder);
    }

    /**
     * @param root     the parsed dataset.json
     * @param file     where it was read from, for errors
     * @param fallback the name when the file gives none
     */
    static DatasetMetadata of(JsonNode root, Path file, String fallback) {
        if (root == null || !root.isObject()) {
            throw new DataFormatException(file, 0, "expected a JSON object {\"name\", \"language\", \"description\"}");
        }
        Optional<Language> language = Optional.ofNullable(root.get("language")).map(JsonNode::asText).map(Language::of);
        return new DatasetMetadata(root.path("name").asText(fallback), language, root.path("description").asText(""));
    }
}
