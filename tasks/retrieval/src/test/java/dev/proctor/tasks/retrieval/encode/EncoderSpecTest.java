package dev.proctor.tasks.retrieval.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.model.djl.encoder.DjlTextEncoder;
import dev.proctor.model.djl.encoder.EmbeddedEncoder;
import dev.proctor.model.djl.encoder.EncoderEngine;
import dev.proctor.model.djl.encoder.EncoderSpec;
import dev.proctor.model.djl.encoder.Pooling;
import dev.proctor.model.search.vector.Vectors;
import dev.proctor.tasks.retrieval.TestCaches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model onnx-encoder:DIR}: configuration layered from encoder.json and the options; no guessed pooling. */
class EncoderSpecTest {

    Path folder(Path dir, String encoderJson) throws Exception {
        EncoderSpec embedded = TestCaches.encoder(EmbeddedEncoder.MINILM);
        Files.createSymbolicLink(dir.resolve("minilm.onnx"), embedded.files().model().toAbsolutePath());
        Files.createSymbolicLink(dir.resolve("tokenizer.json"), embedded.files().tokenizer().toAbsolutePath());
        if (encoderJson != null) {
            Files.writeString(dir.resolve(EncoderSpec.CONFIG_FILE), encoderJson);
        }
        return dir;
    }

    @Test
    void aFolderWithEncoderJsonOpensWithItsSettings(@TempDir Path dir) throws Exception {
        folder(dir, "{\"name\": \"my-minilm\", \"pooling\": \"mean\", \"maxLength\": 128}");
        EncoderSpec spec = EncoderSpec.folder(EncoderEngine.ONNX, dir, Optional.empty(), Optional.of("query: "));
        assertEquals("my-minilm", spec.config().name());
        assertEquals(Pooling.MEAN, spec.config().pooling());
        assertEquals(128, spec.config().maxLength());
        assertEquals("query: ", spec.config().queryPrefix(), "the command line overrides the file");
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec)) {
            assertEquals(384, encoder.identity().get("dimension"));
            assertEquals(1.0, Vectors.norm(encoder.encodeTogether(java.util.List.of("hello"))[0]), 1e-5);
        }
    }

    @Test
    void poolingMustBeSaid(@TempDir Path dir) throws Exception {
        folder(dir, null);
        ProctorException e = assertThrows(ProctorException.class,
                () -> EncoderSpec.folder(EncoderEngine.ONNX, dir, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("--model-arg pooling=cls|mean"), e.getMessage());
        assertEquals(Pooling.CLS, EncoderSpec.folder(EncoderEngine.ONNX, dir, Optional.of(Pooling.CLS), Optional.empty())
                .config().pooling());
    }

    @Test
    void unknownEmbeddedNameListsTheKnownOnes() {
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> EmbeddedEncoder.of("e5-large"));
        assertTrue(e.getMessage().contains("bge-small-en, bge-small-zh, minilm"), e.getMessage());
    }
}
