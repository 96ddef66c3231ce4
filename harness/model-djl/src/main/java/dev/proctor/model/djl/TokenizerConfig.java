package dev.proctor.model.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The two keys of a HuggingFace {@code tokenizer_config.json} that decide whether a BOS token is added. */
final class TokenizerConfig {
    private TokenizerConfig() {
    }

    /** {@code add_bos_token}, where the file exists and sets it. */
    static Optional<Boolean> addBosToken(Path file) {
        return read(file).map(j -> j.get("add_bos_token")).filter(JsonNode::isBoolean).map(JsonNode::asBoolean);
    }

    /** {@code bos_token}: a string, or an object whose {@code content} is the token's text. */
    static Optional<String> bosToken(Path file) {
        return read(file).map(j -> j.get("bos_token")).map(t -> t.isObject() ? t.get("content") : t)
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    private static Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new ProctorException("cannot read " + file + " as JSON: " + e.getMessage(), e);
        }
    }
}
