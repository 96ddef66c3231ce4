package dev.proctor.tasks.retrieval;

import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.evaluate.Evaluation;
import dev.proctor.core.evaluate.Evaluator;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.evaluate.RunOutput;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.schedule.ProgressListener;
import dev.proctor.core.select.DataSources;
import dev.proctor.model.djl.encoder.DjlTextEncoder;
import dev.proctor.model.djl.encoder.EmbeddedEncoder;
import dev.proctor.model.djl.encoder.EncoderSpec;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.tasks.retrieval.data.BundledDatasets;
import dev.proctor.tasks.retrieval.data.DatasetLoader;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where tests extract the encoders and bundled datasets (one folder under {@code target/}, set as Proctor's cache by
 * this module's surefire configuration, so the 25-35 MB models are copied out of their jars once per build), and
 * how they run the retrieval task through the one evaluator with real models.
 */
public final class TestCaches {
    public static final Path ROOT = Path.of("target", "test-cache");

    private TestCaches() {
    }

    public static EncoderSpec encoder(EmbeddedEncoder e) {
        return EncoderSpec.embedded(e, Optional.empty(), Optional.empty());
    }

    public static RetrievalDataset bundled(String name) {
        Path dir = BundledDatasets.extract(name, ROOT.resolve("bundled"));
        return DatasetLoader.load(dir, name, "test", Optional.empty());
    }

    /** {@code proctor run --tasks retrieval:DATASET --model MODEL} on the bundled data, written to {@code out}. */
    public static Evaluation run(String dataset, String model, Map<String, String> modelArgs, int batchTokens,
                                 Path out) {
        TaskSettings settings = new TaskSettings(Split.TEST, 0, OptionalInt.empty(), PromptFormat.OFFICIAL,
                ScoringMode.LETTER, 1234, Map.of());
        RunConfig config = new RunConfig(List.of("retrieval:" + dataset), settings, batchTokens,
                new BootstrapConfig(1000, 1234, ConfidenceLevel.NINETY_FIVE));
        Evaluator evaluator = new Evaluator(TaskRegistry.of(List.of(new RetrievalTask())), ModelRegistry.discover(),
                DataSources.bundledOnly());
        return evaluator.evaluate(config, ModelSpec.parse(model, "cpu", modelArgs), RunOutput.at(out),
                ProgressListener.NONE);
    }

    /** nDCG@10 over the dataset's queries, as the run reports it. */
    public static double ndcg10(Evaluation e) {
        return e.report().summary().task("retrieval").subjects().get(0).metric("ndcg_cut_10").value();
    }

    /** Encodes texts under a budget, returning the vectors in order and counting the forward calls in {@code calls}. */
    public static float[][] encode(DjlTextEncoder encoder, List<String> texts, int budget, int[] calls) {
        float[][] out = new float[texts.size()][];
        encoder.encode(texts, budget, (indices, vectors, stats) -> {
            calls[0]++;
            for (int i = 0; i < indices.length; i++) {
                out[indices[i]] = vectors[i];
            }
        });
        return out;
    }
}
