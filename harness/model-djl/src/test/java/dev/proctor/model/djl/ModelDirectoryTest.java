package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void missingDirectoryIsNamed() {
        Path absent = dir.resolve("no-such-model");
        ProctorException e = assertThrows(ProctorException.class, () -> ModelDirectory.locate(absent, "onnx"));
        assertTrue(e.getMessage().contains(absent.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("model.onnx and tokenizer.json"), e.getMessage());
    }

    @Test
    void missingModelFileIsNamed() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("model.pt"), "not onnx");
        ProctorException e = assertThrows(ProctorException.class, () -> ModelDirectory.locate(dir, "onnx"));
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("model.onnx"), e.getMessage());
    }

    @Test
    void missingTokenizerIsNamed() throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "x");
        ProctorException e = assertThrows(ProctorException.class, () -> ModelDirectory.locate(dir, "onnx"));
        assertTrue(e.getMessage().contains(dir.resolve("tokenizer.json").toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void singleModelFileOfAnyNameIsUsed() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("gpt2-small.pt"), "x");
        assertEquals(dir.resolve("gpt2-small.pt"), ModelDirectory.locate(dir, "pt").modelFile());
    }

    @Test
    void severalModelFilesWithoutModelDotExtAreRefused() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("a.onnx"), "x");
        Files.writeString(dir.resolve("b.onnx"), "x");
        ProctorException e = assertThrows(ProctorException.class, () -> ModelDirectory.locate(dir, "onnx"));
        assertTrue(e.getMessage().contains("a.onnx") && e.getMessage().contains("b.onnx"), e.getMessage());
    }

    @Test
    void contextLengthComesFromConfigOrTheDocumentedDefault() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("model.onnx"), "x");
        ModelDirectory noConfig = ModelDirectory.locate(dir, "onnx");
        assertEquals(ModelDirectory.DEFAULT_MAX_CONTEXT_LENGTH, noConfig.maxContextLength());
        assertTrue(noConfig.contextSource().startsWith("default"), noConfig.contextSource());

        Files.writeString(dir.resolve("config.json"), "{\"n_positions\": 1024}");
        assertEquals(1024, ModelDirectory.locate(dir, "onnx").maxContextLength());
        Files.writeString(dir.resolve("config.json"), "{\"n_positions\": 1024, \"max_position_embeddings\": 4096}");
        assertEquals(4096, ModelDirectory.locate(dir, "onnx").maxContextLength());
        Files.writeString(dir.resolve("config.json"), "{\"hidden_size\": 64}");
        assertEquals(ModelDirectory.DEFAULT_MAX_CONTEXT_LENGTH, ModelDirectory.locate(dir, "onnx").maxContextLength());
        Files.writeString(dir.resolve("config.json"), "{not json");
        ProctorException e = assertThrows(ProctorException.class, () -> ModelDirectory.locate(dir, "onnx"));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }
}
