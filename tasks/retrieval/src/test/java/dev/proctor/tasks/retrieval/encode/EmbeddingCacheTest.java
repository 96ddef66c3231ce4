package dev.proctor.tasks.retrieval.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.tasks.retrieval.data.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
    static final List<Document> CORPUS = List.of(new Document("1", "t", "one"), new Document("2", "", "two"),
            new Document("3", "", "three"));

    /** Encodes a text as (length, 1) normalised, counting calls: a stand-in whose work can be counted. */
    static final class CountingEncoder implements TextEncoder {
        final EncoderInfo info;
        long calls;
        long texts;

        CountingEncoder(String modelSha, Pooling pooling, int batchTokens) {
            info = new EncoderInfo(new EncoderConfig("fake", pooling, "q: ", "p: ", 16), "test", modelSha, "tok",
                    "none", List.of("input_ids"), 2, batchTokens);
        }

        @Override
        public EncoderInfo info() {
            return info;
        }

        @Override
        public float[][] encode(List<String> batch) {
            calls++;
            texts += batch.size();
            return batch.stream().map(t -> Vectors.normalize(new float[] {t.length(), 1})).toArray(float[][]::new);
        }

        @Override
        public float[][] encodeTogether(List<String> batch) {
            return encode(batch);
        }

        @Override
        public EncodeStats stats() {
            return new EncodeStats(calls, texts, 0, 0, 0, 0, 0);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSecondRunReadsTheCacheInsteadOfEncoding(@TempDir Path dir) {
        EmbeddingCache cache = new EmbeddingCache(dir);
        CountingEncoder encoder = new CountingEncoder("m1", Pooling.CLS, 512);
        CorpusEmbeddings first = CorpusEmbeddings.of(encoder, CORPUS, "corpus-sha", cache);
        assertFalse(first.cacheHit());
        assertEquals(1, encoder.calls);
        assertEquals(3, encoder.texts);
        assertTrue(Files.isRegularFile(first.cacheFile()));
        assertTrue(Files.exists(dir.resolve(first.cacheKey() + ".txt")), "the key's description is kept beside it");

        CountingEncoder again = new CountingEncoder("m1", Pooling.CLS, 512);
        CorpusEmbeddings second = CorpusEmbeddings.of(again, CORPUS, "corpus-sha", cache);
        assertTrue(second.cacheHit());
        assertEquals(0, again.calls, "a cache hit does not call the encoder");
        for (int i = 0; i < CORPUS.size(); i++) {
            assertArrayEquals(first.vectors()[i], second.vectors()[i], 0f);
        }
        // the passage prefix was applied before encoding: "p: t one" has 8 characters
        assertArrayEquals(Vectors.normalize(new float[] {8, 1}), first.vectors()[0], 0f);
    }

    @Test
    void anythingThatChangesTheVectorsMissesTheCache(@TempDir Path dir) {
        EmbeddingCache cache = new EmbeddingCache(dir);
        CorpusEmbeddings.of(new CountingEncoder("m1", Pooling.CLS, 512), CORPUS, "corpus-sha", cache);
        for (CountingEncoder changed : List.of(new CountingEncoder("m2", Pooling.CLS, 512),
                new CountingEncoder("m1", Pooling.MEAN, 512), new CountingEncoder("m1", Pooling.CLS, 1024))) {
            assertFalse(CorpusEmbeddings.of(changed, CORPUS, "corpus-sha", cache).cacheHit(), changed.info.toString());
            assertEquals(1, changed.calls);
        }
        CountingEncoder otherCorpus = new CountingEncoder("m1", Pooling.CLS, 512);
        assertFalse(CorpusEmbeddings.of(otherCorpus, CORPUS, "other-corpus", cache).cacheHit());
    }

    @Test
    void aDamagedCacheFileIsIgnoredAndRewritten(@TempDir Path dir) throws Exception {
        EmbeddingCache cache = new EmbeddingCache(dir);
        CorpusEmbeddings first = CorpusEmbeddings.of(new CountingEncoder("m1", Pooling.CLS, 512), CORPUS, "c", cache);
        Files.write(first.cacheFile(), new byte[] {1, 2, 3});
        CountingEncoder encoder = new CountingEncoder("m1", Pooling.CLS, 512);
        assertFalse(CorpusEmbeddings.of(encoder, CORPUS, "c", cache).cacheHit());
        assertTrue(CorpusEmbeddings.of(encoder, CORPUS, "c", cache).cacheHit(), "rewritten whole");
    }
}
