package dev.proctor.api.task;

import dev.proctor.api.NamedChoice;
import java.util.Locale;

/** A data split. Few-shot examples always come from {@link #DEV}. */
public enum Split implements NamedChoice {
    DEV, VAL, TEST;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Split parse(String id) {
        return NamedChoice.lookup(Split.class, "split", id);
    }
}
