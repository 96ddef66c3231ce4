package dev.proctor.api;

import java.util.Collection;
import java.util.TreeSet;

/** A lookup by name (task, subject, model scheme, format...) failed; the message lists the names that exist. */
public final class UnknownNameException extends ProctorException {
    public UnknownNameException(String kind, String name, Collection<String> known) {
        super("unknown " + kind + " '" + name + "'; known " + kind + "s: " + String.join(", ", new TreeSet<>(known)));
    }
}
