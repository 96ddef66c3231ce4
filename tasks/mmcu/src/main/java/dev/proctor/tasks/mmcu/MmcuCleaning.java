package dev.proctor.tasks.mmcu;

import dev.proctor.api.task.mc.McTemplate;

/**
 * TestChatGPT.py's cleaning of option texts and answer labels, replacement for replacement and in its order. Its
 * quirks are kept, since the published scores were made with them: every capital A-D is deleted from an option, so
 * "DNA" is shown as "N" and "AB型" as "型".
 */
final class MmcuCleaning {
    /** {@code format_example}'s deletions from each option text, in order; the text is then stripped. */
    private static final String[] OPTION_DELETIONS = {" ．", "A、", "B、", "C、", "D、", "A.", "B.", "C.", "D.",
        "A", "B", "C", "D", "Ａ、", "Ｂ、", "Ｃ、", "Ｄ、"};

    private MmcuCleaning() {
    }

    /**
     * An option as the prompt shows it: a text cleaned; any other value (a number, a missing cell) printed as Python
     * prints it, the script's fallback when {@code .replace} fails on it.
     */
    static String option(PyValue value) {
        if (!value.isStr()) {
            return value.text();
        }
        String s = value.text();
        for (String deletion : OPTION_DELETIONS) {
            s = s.replace(deletion, "");
        }
        return PythonText.strip(s);
    }

    /**
     * An answer cell as {@code eval} compares it: ASCII spaces removed, full-width ＡＢＣＤ made ASCII, then
     * {@code \u3000} and commas removed (the last two since 2023-05-15).
     */
    static String label(String raw) {
        return raw.replace(" ", "").replace("Ａ", "A").replace("Ｂ", "B").replace("Ｃ", "C").replace("Ｄ", "D")
                .replace("\u3000", "").replace(",", "");
    }

    /**
     * Whether a cleaned label can ever be matched: one to four distinct letters of A-D, since what the script reads
     * from a response never repeats a letter nor holds another character ("ABFD", "c", "False" can never be right).
     */
    static boolean readable(String label) {
        return McTemplate.distinctLetters(label, McTemplate.ABCD);
    }
}
