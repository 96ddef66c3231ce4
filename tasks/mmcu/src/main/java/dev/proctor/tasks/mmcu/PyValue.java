package dev.proctor.tasks.mmcu;

/**
 * A cell as the upstream script sees it after pandas has typed its column: a Python {@code str}, a missing value
 * ({@code nan}, or {@code NaT} in a date column), or another value (a number, a boolean, a date).
 *
 * @param type what the value is
 * @param text the string itself, or Python's {@code str()} of the value
 */
record PyValue(Type type, String text) {

    enum Type { STR, MISSING, OTHER }

    boolean isStr() {
        return type == Type.STR;
    }

    /** How an error names the value: a string quoted, else what it is. */
    String describe() {
        return switch (type) {
            case STR -> "'" + text + "'";
            case MISSING -> "an empty cell";
            case OTHER -> "the value " + text + " (not text)";
        };
    }
}
