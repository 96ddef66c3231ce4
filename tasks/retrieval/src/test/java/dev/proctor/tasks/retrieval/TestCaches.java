package dev.proctor.tasks.retrieval;

import dev.proctor.tasks.retrieval.data.BundledDatasets;
import dev.proctor.tasks.retrieval.data.DatasetLoader;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import dev.proctor.tasks.retrieval.encode.EmbeddedEncoder;
import dev.proctor.tasks.retrieval.encode.EncoderSpec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where tests extract the encoders and bundled datasets: one folder under {@code target/} shared by the test
 * classes of a build, so the 25-35 MB models are copied out of their jars once, never into the user's cache.
 */
public final class TestCaches {
    public static final Path ROOT = Path.of("target", "test-cache");

    private TestCaches() {
    }

    public static EncoderSpec encoder(EmbeddedEncoder e) {
        return new EncoderSpec(e.files(ROOT.resolve("encoders")), e.config());
    }

    public static RetrievalDataset bundled(String name) {
        Path dir = BundledDatasets.extract(name, ROOT.resolve("bundled"));
        return DatasetLoader.load(dir, DatasetLoader.BUNDLED_PREFIX + name, "test", Optional.empty());
    }
}
