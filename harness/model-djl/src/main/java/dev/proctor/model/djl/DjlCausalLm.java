package dev.proctor.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ScoreQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * What both DJL backends share: padding a batch, one forward per batch in its own {@link NDManager} scope, taking
 * only the logits rows asked for out of the engine, and the log-softmax in double precision. A subclass supplies
 * the forward (which inputs, which output) and how rows leave its engine's tensors.
 */
abstract class DjlCausalLm implements LanguageModel {
    private final ZooModel<NDList, NDList> model;
    private final HfTokenizer tokenizer;
    private final ModelInfo info;
    private boolean closed;

    DjlCausalLm(ZooModel<NDList, NDList> model, HfTokenizer tokenizer, ModelInfo info) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.info = info;
    }

    /** Runs the padded batch; returns the logits, {@code [batch, length, vocab]}, attached to {@code scope}. */
    abstract NDArray forward(NDManager scope, ZooModel<NDList, NDList> model, PaddedBatch batch);

    /**
     * Copies the given flat rows ({@code b * length + t}) of the logits into one {@code [rows, vocab]} float array,
     * without copying the rest of the tensor out of the engine.
     */
    abstract float[] rows(NDManager scope, NDArray logits, long[] rows, int vocab);

    @Override
    public final ModelInfo info() {
        return info;
    }

    @Override
    public final int[] encode(String text) {
        return tokenizer.encode(text);
    }

    @Override
    public final List<double[]> score(List<ScoreQuery> batch) {
        PaddedBatch padded = PaddedBatch.of(batch, info.eosTokenId(), info.maxContextLength());
        if (padded.rows().length == 0) {
            return batch.stream().map(q -> new double[0]).toList();
        }
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray logits = forward(scope, model, padded);
            Shape shape = logits.getShape();
            if (shape.dimension() != 3 || shape.get(0) != padded.batchSize() || shape.get(1) != padded.length()) {
                throw new ProctorException(info.name() + ": the model returned logits of shape " + shape + " for input "
                        + new Shape(padded.batchSize(), padded.length()) + "; expected [batch, length, vocab]");
            }
            int vocab = Math.toIntExact(shape.get(2));
            float[] rows = rows(scope, logits, padded.rows(), vocab);
            return logProbs(batch, padded, rows, vocab);
        }
    }

    private List<double[]> logProbs(List<ScoreQuery> batch, PaddedBatch padded, float[] rows, int vocab) {
        double[] logZ = new double[padded.rows().length];
        for (int r = 0; r < logZ.length; r++) {
            logZ[r] = LogSoftmax.logSumExp(rows, r * vocab, vocab);
            if (Double.isNaN(logZ[r]) || Double.isInfinite(logZ[r])) {
                throw new ProctorException(info.name() + ": the model produced non-finite logits (log-sum-exp " + logZ[r]
                        + ") at flat position " + padded.rows()[r] + " of a batch of " + padded.batchSize());
            }
        }
        List<double[]> out = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            int[] targets = batch.get(b).targets();
            double[] values = new double[targets.length];
            for (int j = 0; j < targets.length; j++) {
                if (targets[j] < 0 || targets[j] >= vocab) {
                    throw new ProctorException(info.name() + ": target token id " + targets[j] + " is outside the model's"
                            + " vocabulary of " + vocab);
                }
                int r = padded.rowOfTarget()[b][j];
                values[j] = rows[r * vocab + targets[j]] - logZ[r];
            }
            out.add(values);
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (tokenizer) {
            model.close();
        }
    }
}
