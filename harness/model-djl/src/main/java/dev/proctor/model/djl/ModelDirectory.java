package dev.proctor.model.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The files of one model directory: the model file, {@code tokenizer.json}, and the context length from
 * {@code config.json} ({@code max_position_embeddings}, else {@code n_positions}) when it gives one.
 *
 * @param dir           the model directory
 * @param modelFile     {@code model.EXT}, or the only {@code *.EXT} file in the directory
 * @param tokenizerFile the HuggingFace {@code tokenizer.json}
 * @param configContext the longest sequence the model accepts, as config.json says; empty when it does not
 * @param contextSource where {@code configContext} came from, or why it is empty
 */
record ModelDirectory(Path dir, Path modelFile, Path tokenizerFile, OptionalInt configContext, String contextSource) {

    static final List<String> CONTEXT_KEYS = List.of("max_position_embeddings", "n_positions");

    /**
     * Locates the files of a model directory.
     *
     * @param dir       the directory the user named
     * @param extension the model file's extension without the dot ({@code onnx}, {@code pt})
     * @throws ProctorException naming the path and what was expected, if a required file is missing
     */
    static ModelDirectory locate(Path dir, String extension) {
        if (!Files.isDirectory(dir)) {
            throw new ProctorException("model directory " + dir.toAbsolutePath() + " does not exist or is not a directory;"
                    + " expected a directory holding model." + extension + " and tokenizer.json");
        }
        Path model = findModelFile(dir, extension);
        Path tokenizer = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new ProctorException("no tokenizer in the model directory: " + tokenizer.toAbsolutePath()
                    + " does not exist; expected the model's HuggingFace tokenizer.json there");
        }
        Path config = dir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return new ModelDirectory(dir, model, tokenizer, OptionalInt.empty(), "there is no "
                    + config.toAbsolutePath());
        }
        JsonNode json = readJson(config);
        for (String key : CONTEXT_KEYS) {
            JsonNode value = json.get(key);
            if (value != null && value.canConvertToInt() && value.intValue() > 0) {
                return new ModelDirectory(dir, model, tokenizer, OptionalInt.of(value.intValue()),
                        config.getFileName() + " " + key);
            }
        }
        return new ModelDirectory(dir, model, tokenizer, OptionalInt.empty(), config.toAbsolutePath()
                + " has no positive " + String.join(" or ", CONTEXT_KEYS));
    }

    /** The directory's name, the model's short name in results. */
    String name() {
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        return fileName == null ? dir.toString() : fileName.toString();
    }

    private static Path findModelFile(Path dir, String extension) {
        Path preferred = dir.resolve("model." + extension);
        if (Files.isRegularFile(preferred)) {
            return preferred;
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith("." + extension))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ProctorException("cannot list model directory " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new ProctorException("no model file in " + dir.toAbsolutePath() + ": expected " + preferred.getFileName()
                    + " (or a single *." + extension + " file) there");
        }
        throw new ProctorException("several *." + extension + " files in " + dir.toAbsolutePath() + " (" + candidates.stream()
                .map(p -> p.getFileName().toString()).toList() + ") and no " + preferred.getFileName()
                + ": name the one to use " + preferred.getFileName());
    }

    private static JsonNode readJson(Path config) {
        try {
            JsonNode json = new ObjectMapper().readTree(config.toFile());
            if (json == null || !json.isObject()) {
                throw new ProctorException(config.toAbsolutePath() + " is not a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new ProctorException("cannot read " + config.toAbsolutePath() + " as JSON: " + e.getMessage(), e);
        }
    }
}
