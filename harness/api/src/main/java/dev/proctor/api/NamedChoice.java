package dev.proctor.api;

import java.util.Arrays;
import java.util.List;

/**
 * An enum constant that users name by a short id, on the command line or in files ({@code lm-eval}, {@code cls},
 * {@code hybrid-rrf}). One lookup for all of them, so every unknown name fails the same way: listing the ids.
 */
public interface NamedChoice {
    /** The id users type. */
    String id();

    /**
     * The constant of {@code type} whose id is {@code id}, surrounding blanks and letter case ignored.
     *
     * @param kind what the name is of, for the error ({@code pooling}, {@code retriever})
     * @throws UnknownNameException listing the ids, when none matches
     */
    static <E extends Enum<E> & NamedChoice> E lookup(Class<E> type, String kind, String id) {
        String wanted = id == null ? "" : id.strip();
        for (E e : type.getEnumConstants()) {
            if (e.id().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        throw new UnknownNameException(kind, id, ids(type));
    }

    /** The ids of {@code type}'s constants, in declaration order. */
    static <E extends Enum<E> & NamedChoice> List<String> ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(NamedChoice::id).toList();
    }
}
