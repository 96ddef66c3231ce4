package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded test model, read in place from the embedded-model module (never copied). */
final class TinyGpt {
    static final Path DIR = Path.of("../embedded-model/src/main/resources/dev/proctor/embedded/tiny-gpt");

    private TinyGpt() {
    }

    static Path dir() {
        assertTrue(Files.isDirectory(DIR), "the embedded tiny-gpt model is missing at " + DIR.toAbsolutePath()
                + " (made by harness/embedded-model/python/make_model.py)");
        return DIR;
    }

    static JsonNode config() throws IOException {
        return new ObjectMapper().readTree(dir().resolve("config.json").toFile());
    }
}
