package dev.proctor.cli;

import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.model.ScoreQuery;
import dev.proctor.model.djl.OnnxModelProvider;
import java.util.List;

/**
 * Test-only scheme {@code slow-onnx:DIR}: the real ONNX backend, pausing after each batch so that a test can
 * kill the process while a run is surely in the middle.
 */
public final class SlowOnnxProvider implements ModelProvider {
    private static final long PAUSE_MILLIS = 40;

    @Override
    public String scheme() {
        return "slow-onnx";
    }

    @Override
    public LanguageModel load(ModelSpec spec) {
        LanguageModel real = new OnnxModelProvider().load(new ModelSpec("onnx", spec.location(), spec.device()));
        return new LanguageModel() {
            @Override
            public ModelInfo info() {
                return real.info();
            }

            @Override
            public int[] encode(String text) {
                return real.encode(text);
            }

            @Override
            public List<double[]> score(List<ScoreQuery> batch) {
                List<double[]> scores = real.score(batch);
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return scores;
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
