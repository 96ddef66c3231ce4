package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.util.PairList;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
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
    void contextLengthComesFromConfigOrIsLeftUnknownSayingWhy() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("model.onnx"), "x");
        ModelDirectory noConfig = ModelDirectory.locate(dir, "onnx");
        assertTrue(noConfig.configContext().isEmpty());
        assertTrue(noConfig.contextSource().startsWith("there is no ") && noConfig.contextSource().endsWith(
                "config.json"), noConfig.contextSource());

        Files.writeString(dir.resolve("config.json"), "{\"n_positions\": 1024}");
        assertEquals(OptionalInt.of(1024), ModelDirectory.locate(dir, "onnx").configContext());
        Files.writeString(dir.resolve("config.json"), "{\"n_positions\": 1024, \"max_position_embeddings\": 4096}");
        assertEquals(OptionalInt.of(4096), ModelDirectory.locate(dir, "onnx").configContext());
        Files.writeString(dir.resolve("config.json"), "{\"hidden_size\": 64}");
        ModelDirectory silent = ModelDirectory.locate(dir, "onnx");
        assertTrue(silent.configContext().isEmpty());
        assertTrue(silent.contextSource().endsWith("has no positive max_position_embeddings or n_positions"),
                silent.contextSource());

        ProctorException unknown = assertThrows(ProctorException.class, () -> ContextLength.of(silent,
                inputs(new Shape(-1, -1))));
        assertTrue(unknown.getMessage().contains("has no fixed length; add " + dir.resolve("config.json")
                + " with {\"max_position_embeddings\": N}"), unknown.getMessage());
        assertEquals(new ContextLength(128, "the graph's input_ids length"), ContextLength.of(silent,
                inputs(new Shape(1, 128))));
        Files.writeString(dir.resolve("config.json"), "{not json");
        ProctorException e = assertThrows(ProctorException.class, () -> ModelDirectory.locate(dir, "onnx"));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    private static PairList<String, Shape> inputs(Shape ids) {
        PairList<String, Shape> inputs = new PairList<>();
        inputs.add("input_ids", ids);
        inputs.add("attention_mask", ids);
        return inputs;
    }
}
