package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Tokenizer.SpecialToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-of-sequence lookup on small hand-written WordLevel tokenizers. */
class HfTokenizerTest {
    @TempDir
    Path dir;

    private Path tokenizer(String addedTokens, String vocab) throws IOException {
        return tokenizer(addedTokens, vocab, "null");
    }

    private Path tokenizer(String addedTokens, String vocab, String postProcessor) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, """
                {"version": "1.0", "truncation": null, "padding": null,
                 "added_tokens": [%s],
                 "normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": %s, "decoder": null,
                 "model": {"type": "WordLevel", "vocab": {%s}, "unk_token": "[UNK]"}}
                """.formatted(addedTokens, postProcessor, vocab));
        return file;
    }

    /** A Llama-style tokenizer: its post-processor puts {@code <s>} (id 4) before every text. */
    private Path llamaStyle() throws IOException {
        return tokenizer("""
                {"id": 3, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false,
                 "normalized": false, "special": true},
                {"id": 4, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false,
                 "normalized": false, "special": true}""",
                "\"[UNK]\": 0, \"hello\": 1, \"world\": 2, \"</s>\": 3, \"<s>\": 4", """
                {"type": "TemplateProcessing",
                 "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
                 "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                          {"Sequence": {"id": "B", "type_id": 1}}],
                 "special_tokens": {"<s>": {"id": "<s>", "ids": [4], "tokens": ["<s>"]}}}""");
    }

    @Test
    void idsOnlyAndBatchEncodingGiveDjlsEncodingIds() throws IOException {
        Path file = TinyGpt.dir().resolve("tokenizer.json");
        List<String> texts = List.of("The following are multiple choice questions about geography.\n\nQ:",
                "以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n题目：", "", " A", "emoji \uD83D\uDE00 and\ttabs  ");
        try (HfTokenizer tokenizer = HfTokenizer.open(file, 512);
             HuggingFaceTokenizer djl = HuggingFaceTokenizer.builder().optTokenizerPath(file).optAddSpecialTokens(false)
                     .optTruncation(false).optPadding(false).build()) {
            List<int[]> batch = tokenizer.encodeAll(texts);
            for (int i = 0; i < texts.size(); i++) {
                int[] expected = Arrays.stream(djl.encode(texts.get(i), false, false).getIds()).mapToInt(Math::toIntExact)
                        .toArray();
                assertArrayEquals(expected, tokenizer.encode(texts.get(i)), texts.get(i));
                assertArrayEquals(expected, batch.get(i), texts.get(i));
            }
        }
    }

    @Test
    void theBosAPostProcessorAddsIsFoundAndATokenizerConfigCanTurnItOff() throws IOException {
        Path file = llamaStyle();
        try (HfTokenizer tokenizer = HfTokenizer.open(file, 2048)) {
            assertEquals(Optional.of(new SpecialToken(4, "<s>")), tokenizer.addedBos());
            assertEquals("tokenizer.json post-processor", tokenizer.bosSource());
            assertEquals(4, tokenizer.prefixTokenId(), "an empty context becomes BOS");
            assertArrayEquals(new int[] {1, 2}, tokenizer.encode("hello world"), "plain encodings stay plain");
        }
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"add_bos_token\": false, \"bos_token\": \"<s>\"}");
        try (HfTokenizer tokenizer = HfTokenizer.open(file, 2048)) {
            assertEquals(Optional.empty(), tokenizer.addedBos());
            assertEquals("tokenizer_config.json add_bos_token false", tokenizer.bosSource());
            assertEquals(3, tokenizer.prefixTokenId(), "no BOS: end-of-text");
        }
    }

    @Test
    void aGpt2StyleTokenizerAddsNoBosUnlessItsConfigAsks() throws IOException {
        Path file = tokenizer("""
                {"id": 3, "content": "<|endoftext|>", "single_word": false, "lstrip": false, "rstrip": false,
                 "normalized": false, "special": true}""", "\"[UNK]\": 0, \"hello\": 1, \"world\": 2, \"<|endoftext|>\": 3");
        try (HfTokenizer tokenizer = HfTokenizer.open(file, 2048)) {
            assertEquals(Optional.empty(), tokenizer.addedBos());
            assertEquals(3, tokenizer.prefixTokenId());
        }
        Files.writeString(dir.resolve("tokenizer_config.json"),
                "{\"add_bos_token\": true, \"bos_token\": {\"content\": \"<|endoftext|>\"}}");
        try (HfTokenizer tokenizer = HfTokenizer.open(file, 2048)) {
            assertEquals(Optional.of(new SpecialToken(3, "<|endoftext|>")), tokenizer.addedBos());
        }
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
