package dev.proctor.api.model;

import java.util.List;

/**
 * A causal language model, loaded and ready. Not thread-safe: the scheduler calls it from one thread.
 */
public interface LanguageModel extends AutoCloseable {

    ModelInfo info();

    /** Token ids of a text, with no special tokens added. */
    int[] encode(String text);

    /**
     * Runs one batch, as given (the scheduler has already grouped it by its token budget), and returns, per
     * query, the log-probabilities it asked for. Results must not depend on what else is in the batch beyond
     * floating-point noise: padding is masked.
     */
    List<double[]> score(List<ScoreQuery> batch);

    @Override
    void close();
}
