package dev.proctor.stats.io;

import dev.proctor.api.NamedChoice;

/** Which per-item number a statistic uses, and whether higher is better (which decides the sign for ranking). */
public enum ItemMetric implements NamedChoice {
    /** 1 when the prediction is the gold choice. */
    ACC("acc", false),
    /** lm-eval acc_norm: 1 when the length-normalised prediction is the gold choice. */
    ACC_NORM("acc_norm", false),
    /** Bits per byte of the gold continuation (OLMES); lower is better, so its sign is flipped for ranking. */
    BPB("bpb", true);

    private final String id;
    private final boolean lowerIsBetter;

    ItemMetric(String id, boolean lowerIsBetter) {
        this.id = id;
        this.lowerIsBetter = lowerIsBetter;
    }

    @Override
    public String id() {
        return id;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    public double value(ItemOutcome item) {
        return switch (this) {
            case ACC -> item.correct() ? 1 : 0;
            case ACC_NORM -> item.correctNorm() ? 1 : 0;
            case BPB -> item.goldBitsPerByte();
        };
    }

    public static ItemMetric parse(String id) {
        return NamedChoice.lookup(ItemMetric.class, "metric", id);
    }
}
