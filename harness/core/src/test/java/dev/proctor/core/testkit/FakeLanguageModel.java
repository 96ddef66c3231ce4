package dev.proctor.core.testkit;

import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ScoreQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic toy model: one token per UTF-8 byte (EOS = 256), and a log-probability that is a function of the
 * token prefix and the target only, so any batching gives identical numbers. Records every batch; can be told to
 * fail after some batches to simulate a crash; refuses inputs longer than its context, like a real model.
 */
public final class FakeLanguageModel implements LanguageModel {
    public static final int EOS = 256;

    private final int maxContext;
    private int failAfterBatches = -1;
    private boolean halt;
    private final List<List<ScoreQuery>> batches = new ArrayList<>();

    public FakeLanguageModel(int maxContext) {
        this.maxContext = maxContext;
    }

    public FakeLanguageModel() {
        this(4096);
    }

    /** The next {@code n} batches succeed, the one after throws. */
    public FakeLanguageModel failAfter(int n) {
        failAfterBatches = batches.size() + n;
        return this;
    }

    /** The next {@code n} batches succeed; during the one after, the JVM dies at once, as under {@code kill -9}. */
    public FakeLanguageModel haltAfter(int n) {
        halt = true;
        return failAfter(n);
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("fake", "none", "cpu", "m".repeat(64), "t".repeat(64), maxContext, EOS);
    }

    @Override
    public int[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xff;
        }
        return out;
    }

    @Override
    public List<double[]> score(List<ScoreQuery> batch) {
        if (failAfterBatches >= 0 && batches.size() >= failAfterBatches) {
            if (halt) {
                Runtime.getRuntime().halt(137); // no shutdown hooks, no close(): the store is left as a kill leaves it
            }
            throw new IllegalStateException("simulated crash after " + batches.size() + " batches");
        }
        batches.add(List.copyOf(batch));
        List<double[]> out = new ArrayList<>();
        for (ScoreQuery q : batch) {
            if (q.tokens().length > maxContext) {
                throw new IllegalArgumentException(q.tokens().length + " tokens exceed the context of " + maxContext);
            }
            double[] lp = new double[q.targets().length];
            for (int j = 0; j < lp.length; j++) {
                lp[j] = logProb(q.tokens(), q.positions()[j], q.targets()[j]);
            }
            out.add(lp);
        }
        return out;
    }

    /** log P(target | tokens[0..position]): a hash of the prefix and target mapped into [-10.1, -0.1). */
    public static double logProb(int[] tokens, int position, int target) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i <= position; i++) {
            h = (h ^ tokens[i]) * 0x100000001b3L;
        }
        h = (h ^ (target + 1000)) * 0x100000001b3L;
        h ^= h >>> 29;
        return -0.1 - Math.floorMod(h, 10_000) / 1000.0;
    }

    public List<List<ScoreQuery>> batches() {
        return batches;
    }

    public int calls() {
        return batches.size();
    }

    public long sequencesSent() {
        return batches.stream().mapToLong(List::size).sum();
    }

    @Override
    public void close() {
    }
}
