package dev.proctor.api.metric;

import dev.proctor.api.task.ItemScore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value computed from a set of items and kept for the next request on the very same items (the same objects in
 * the same order). The aggregator computes every corpus metric of a bootstrap draw one after the other on that draw,
 * so corpus metrics that share a costly computation (COCOeval's accumulation, a classification report) make it once
 * per draw. Thread-safe.
 *
 * @param <T> the shared computation's result
 */
public final class LastDraw<T> {
    private final Function<List<ItemScore>, T> compute;
    private ItemScore[] items = new ItemScore[0];
    private T value;

    public LastDraw(Function<List<ItemScore>, T> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    public synchronized T get(List<ItemScore> draw) {
        if (value == null || !same(draw)) {
            value = Objects.requireNonNull(compute.apply(draw), "a draw's value");
            items = draw.toArray(ItemScore[]::new); // a copy: the aggregator refills one list for every draw
        }
        return value;
    }

    private boolean same(List<ItemScore> draw) {
        if (draw.size() != items.length) {
            return false;
        }
        for (int i = 0; i < items.length; i++) {
            if (draw.get(i) != items[i]) {
                return false;
            }
        }
        return true;
    }
}
