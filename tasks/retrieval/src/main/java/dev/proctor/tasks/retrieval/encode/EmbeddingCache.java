package dev.proctor.tasks.retrieval.encode;

import dev.proctor.core.schedule.Batcher;
import dev.proctor.datafiles.ProctorCache;
import dev.proctor.datafiles.Sha256;
import dev.proctor.tasks.retrieval.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corpus embeddings on disk, one file per key ({@code <key>.emb}, written atomically) with the key's description
 * beside it ({@code <key>.txt}). The key covers everything that changes the vectors: model and tokenizer
 * SHA-256, the engine and its library version, the inputs fed, pooling, passage prefix, max length, the batch
 * token budget used and the batching rule (the quantised encoders are batch-dependent) and the corpus file's
 * SHA-256. A file that does not match its header is ignored and rewritten.
 */
public final class EmbeddingCache {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x50454d42; // "PEMB"
    private static final int FORMAT = 1;
    private static final int HEADER_BYTES = 16;

    private final Path dir;

    public EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    /** {@code <proctor cache>/retrieval/embeddings}. */
    public static EmbeddingCache standard() {
        return new EmbeddingCache(ProctorCache.root().resolve("retrieval").resolve("embeddings"));
    }

    public Path dir() {
        return dir;
    }

    /** The canonical description a key hashes; written beside the vectors so a cache file explains itself. */
    public static String describe(EncoderInfo encoder, String corpusSha256) {
        EncoderConfig c = encoder.config();
        return "format=" + FORMAT
                + "\nmodelSha256=" + encoder.modelSha256()
                + "\ntokenizerSha256=" + encoder.tokenizerSha256()
                + "\nengine=" + encoder.engine()
                + "\ninputs=" + String.join(",", encoder.inputs())
                + "\npooling=" + c.pooling().id()
                + "\npassagePrefix=" + c.passagePrefix()
                + "\nmaxLength=" + c.maxLength()
                + "\nbatchTokens=" + encoder.batchTokens()
                + "\nbatching=" + Batcher.RULE
                + "\ncorpusSha256=" + corpusSha256 + "\n";
    }

    public static String key(EncoderInfo encoder, String corpusSha256) {
        return Sha256.of(describe(encoder, corpusSha256));
    }

    public Path file(String key) {
        return dir.resolve(key + ".emb");
    }

    public Optional<float[][]> load(String key, int count, int dimension) {
        Path file = file(key);
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("ignoring unreadable embedding cache file {}: {}", file, e.toString());
            return Optional.empty();
        }
        if (bytes.remaining() != HEADER_BYTES + 4L * count * dimension || bytes.getInt() != MAGIC
                || bytes.getInt() != FORMAT || bytes.getInt() != count || bytes.getInt() != dimension) {
            LOG.warn("ignoring {}: it does not hold {} vectors of dimension {}", file, count, dimension);
            return Optional.empty();
        }
        FloatBuffer floats = bytes.asFloatBuffer();
        float[][] rows = new float[count][dimension];
        for (float[] row : rows) {
            floats.get(row);
        }
        return Optional.of(rows);
    }

    public void store(String key, String description, float[][] rows) {
        int dimension = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(HEADER_BYTES + 4L * rows.length * dimension));
        bytes.putInt(MAGIC).putInt(FORMAT).putInt(rows.length).putInt(dimension);
        FloatBuffer floats = bytes.asFloatBuffer();
        for (float[] row : rows) {
            floats.put(row);
        }
        AtomicFiles.write(file(key), tmp -> Files.write(tmp, bytes.array()));
        AtomicFiles.writeString(dir.resolve(key + ".txt"), description);
    }
}
