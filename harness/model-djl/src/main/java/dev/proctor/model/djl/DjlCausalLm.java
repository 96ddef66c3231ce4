package dev.proctor.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.lm.CausalLm;
import dev.proctor.lm.LmTokenizer;
import dev.proctor.lm.LogDistributions;
import dev.proctor.lm.LogSoftmax;
import dev.proctor.lm.ScoreQuery;
import dev.proctor.lm.TargetScores;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What both DJL backends share: padding a batch, one forward per batch in its own {@link NDManager} scope, taking
 * only the logits rows asked for out of the engine, and the log-softmax in double precision. A subclass supplies
 * the forward (which inputs, which output) and how rows leave its engine's tensors.
 */
abstract class DjlCausalLm implements CausalLm {
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

    /**
     * Whether generation may pad on the left: only when the model takes position ids and an attention mask, so a
     * row's numbers do not move with its padding. Otherwise it pads on the right (exact for a causal model too).
     */
    abstract boolean padsLeft();

    @Override
    public final ModelInfo info() {
        return info;
    }

    @Override
    public final LmTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public final List<TargetScores> score(List<ScoreQuery> batch) {
        PaddedBatch padded = PaddedBatch.of(batch, tokenizer.eosTokenId(), tokenizer.maxContextLength());
        if (padded.rows().length == 0) {
            return batch.stream().map(q -> new TargetScores(new double[0], new boolean[0])).toList();
        }
        return scores(batch, padded, run(padded));
    }

    /** What each query asked for, out of its batch's wanted rows. */
    final List<TargetScores> scores(List<ScoreQuery> batch, PaddedBatch padded, Rows rows) {
        List<TargetScores> out = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            int[] targets = batch.get(b).targets();
            int k = Math.min(batch.get(b).topK(), rows.vocab);
            double[] values = new double[targets.length];
            boolean[] greedy = new boolean[targets.length];
            int[][] topIds = new int[targets.length][];
            double[][] topLogProbs = new double[targets.length][];
            int[] ranks = new int[targets.length];
            for (int j = 0; j < targets.length; j++) {
                if (targets[j] < 0 || targets[j] >= rows.vocab) {
                    throw new ProctorException(info.name() + ": target token id " + targets[j] + " is outside the model's"
                            + " vocabulary of " + rows.vocab);
                }
                int r = padded.rowOfTarget()[b][j];
                values[j] = rows.values[r * rows.vocab + targets[j]] - rows.logZ[r];
                greedy[j] = rows.argmax[r] == targets[j];
                topIds[j] = LogSoftmax.topK(rows.values, r * rows.vocab, rows.vocab, k);
                topLogProbs[j] = new double[k];
                for (int t = 0; t < k; t++) {
                    topLogProbs[j][t] = rows.values[r * rows.vocab + topIds[j][t]] - rows.logZ[r];
                }
                if (k > 0) {
                    ranks[j] = LogSoftmax.rank(rows.values, r * rows.vocab, rows.vocab, targets[j]);
                }
            }
            out.add(new TargetScores(values, greedy, topIds, topLogProbs, ranks));
        }
        return out;
    }

    @Override
    public final List<LogDistributions> distributions(List<ScoreQuery> batch) {
        PaddedBatch padded = PaddedBatch.of(batch, tokenizer.eosTokenId(), tokenizer.maxContextLength());
        if (padded.rows().length == 0) {
            return batch.stream().map(q -> new LogDistributions(new float[0], new double[0], 0)).toList();
        }
        Rows rows = run(padded);
        List<LogDistributions> out = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            int[] wanted = padded.rowOfTarget()[b];
            float[] logits = new float[wanted.length * rows.vocab];
            double[] logZ = new double[wanted.length];
            for (int j = 0; j < wanted.length; j++) {
                System.arraycopy(rows.values, wanted[j] * rows.vocab, logits, j * rows.vocab, rows.vocab);
                logZ[j] = rows.logZ[wanted[j]];
            }
            out.add(new LogDistributions(logits, logZ, rows.vocab));
        }
        return out;
    }

    @Override
    public final int[] nextTokens(List<int[]> sequences) {
        PaddedBatch padded = PaddedBatch.lastPositions(sequences, tokenizer.eosTokenId(), tokenizer.maxContextLength(),
                padsLeft());
        Rows rows = run(padded);
        int[] next = new int[sequences.size()];
        for (int b = 0; b < next.length; b++) {
            next[b] = rows.argmax[padded.rowOfTarget()[b][0]];
        }
        return next;
    }

    /** The wanted logits rows of a batch, with each row's log-normaliser and most likely token. */
    static final class Rows {
        float[] values;
        int vocab;
        double[] logZ;
        int[] argmax;
    }

    private Rows run(PaddedBatch padded) {
        return run(padded, scope -> forward(scope, model, padded));
    }

    /**
     * Runs {@code forward} in its own scope (closed after) and reads the wanted rows of the logits it returns, which
     * must be {@code [batch, length, vocab]} as {@code padded} says.
     */
    final Rows run(PaddedBatch padded, Function<NDManager, NDArray> forward) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray logits = forward.apply(scope);
            Shape shape = logits.getShape();
            if (shape.dimension() != 3 || shape.get(0) != padded.batchSize() || shape.get(1) != padded.length()) {
                throw new ProctorException(info.name() + ": the model returned logits of shape " + shape + " for input "
                        + new Shape(padded.batchSize(), padded.length()) + "; expected [batch, length, vocab]");
            }
            Rows rows = new Rows();
            rows.vocab = Math.toIntExact(shape.get(2));
            rows.values = rows(scope, logits, padded.rows(), rows.vocab);
            int n = padded.rows().length;
            rows.logZ = new double[n];
            rows.argmax = new int[n];
            for (int r = 0; r < n; r++) {
                rows.logZ[r] = LogSoftmax.logSumExp(rows.values, r * rows.vocab, rows.vocab);
                if (Double.isNaN(rows.logZ[r]) || Double.isInfinite(rows.logZ[r])) {
                    throw new ProctorException(info.name() + ": the model produced non-finite logits (log-sum-exp "
                            + rows.logZ[r] + ") at flat position " + padded.rows()[r] + " of a batch of "
                            + padded.batchSize());
                }
                rows.argmax[r] = LogSoftmax.argmax(rows.values, r * rows.vocab, rows.vocab);
            }
            return rows;
        }
    }

    /** The loaded model, for a backend's own passes (a KV cache's). */
    final ZooModel<NDList, NDList> model() {
        return model;
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
