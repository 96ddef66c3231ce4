package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-of-sequence lookup on small hand-written WordLevel tokenizers. */
class HfTokenizerTest {
    @TempDir
    Path dir;

    private Path tokenizer(String addedTokens, String vocab) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, """
                {"version": "1.0", "truncation": null, "padding": null,
                 "added_tokens": [%s],
                 "normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null, "decoder": null,
                 "model": {"type": "WordLevel", "vocab": {%s}, "unk_token": "[UNK]"}}
                """.formatted(addedTokens, vocab));
        return file;
    }

    @Test
    void eosIsTheIdOfTheClosingTagWhenThereIsNoEndOfText() throws IOException {
        Path file = tokenizer("""
                {"id": 3, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false,
                 "normalized": false, "special": true}""", "\"[UNK]\": 0, \"hello\": 1, \"world\": 2, \"</s>\": 3");
        try (HfTokenizer tokenizer = HfTokenizer.open(file, 2048)) {
            assertEquals(3, tokenizer.eosTokenId());
            assertArrayEquals(new int[] {1, 2}, tokenizer.encode("hello world"));
        }
    }

    @Test
    void eosIsZeroWhenTheTokenizerHasNone() throws IOException {
        Path file = tokenizer("", "\"[UNK]\": 0, \"hello\": 1");
        try (HfTokenizer tokenizer = HfTokenizer.open(file, 2048)) {
            assertEquals(0, tokenizer.eosTokenId());
        }
    }

    @Test
    void aBrokenTokenizerIsNamed() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\"model\": 42}");
        ProctorException e = assertThrows(ProctorException.class, () -> HfTokenizer.open(file, 2048));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    }
}
