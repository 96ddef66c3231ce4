package dev.proctor.api.task;

import dev.proctor.api.UnknownNameException;
import java.util.Arrays;
import java.util.Locale;

/** A data split. Few-shot examples always come from {@link #DEV}. */
public enum Split {
    DEV, VAL, TEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Split parse(String id) {
        for (Split s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new UnknownNameException("split", id, Arrays.stream(values()).map(Split::id).toList());
    }
}
