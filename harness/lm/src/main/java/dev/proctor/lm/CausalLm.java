package dev.proctor.lm;

import dev.proctor.api.model.ModelInfo;
import java.util.List;
import java.util.Optional;

/**
 * A causal language model at the token level: what a backend (ONNX Runtime, PyTorch) implements. Everything above
 * tokens (splitting context from continuation, truncation, pooling identical inputs, batching, stopping a
 * generation) is done once for every backend by {@link CausalLmModel}. Not thread-safe.
 */
public interface CausalLm extends AutoCloseable {

    ModelInfo info();

    LmTokenizer tokenizer();

    /**
     * Runs one batch, as given, and returns per query the log-probabilities it asked for and whether each target was
     * the most likely token there. Results must not depend on what else is in the batch beyond floating-point noise:
     * padding is masked.
     */
    List<TargetScores> score(List<ScoreQuery> batch);

    /**
     * Per query, the whole next-token distribution at each of its positions, in position order (its targets are not
     * read): what detectors need for entropies, ranks and a second model's cross-entropy. Same batch rules as
     * {@link #score}.
     */
    default List<LogDistributions> distributions(List<ScoreQuery> batch) {
        throw new UnsupportedOperationException(info().name() + " does not give whole next-token distributions");
    }

    /**
     * The most likely next token after each sequence (the first on ties), one forward pass for the batch. Sequences
     * are padded on the left where the model takes position ids and an attention mask, so every row's last token is
     * at the same position; the answer must not depend on the batch.
     */
    int[] nextTokens(List<int[]> sequences);

    /**
     * The model's key/value cache, when it has one (an ONNX graph with past key value inputs); empty runs every
     * sequence whole.
     */
    default Optional<KvCache> kvCache() {
        return Optional.empty();
    }

    @Override
    void close();
}
