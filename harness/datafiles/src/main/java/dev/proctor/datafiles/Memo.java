package dev.proctor.datafiles;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use and kept: how a task holds its bundled data folder, copied out of its jar only when
 * a run asks for it (task construction must stay cheap). Thread-safe.
 */
public final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;

    private Memo(Supplier<T> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    public static <T> Memo<T> of(Supplier<T> compute) {
        return new Memo<>(compute);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = Objects.requireNonNull(compute.get(), "a memo's value");
        }
        return value;
    }
}
