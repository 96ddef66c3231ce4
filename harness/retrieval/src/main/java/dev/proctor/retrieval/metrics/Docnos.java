package dev.proctor.retrieval.metrics;

import java.util.Comparator;

/**
 * trec_eval compares docnos (and query ids) with C {@code strcmp} on their UTF-8 bytes. UTF-8 byte order is code
 * point order, which {@link String#compareTo} (UTF-16 order) breaks for characters above U+FFFF against
 * U+E000–U+FFFF; this comparison fixes that without encoding every id.
 */
public final class Docnos {
    /** Ascending strcmp order of the UTF-8 encodings. */
    public static final Comparator<String> STRCMP = Docnos::strcmp;

    private Docnos() {
    }

    public static int strcmp(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    // Surrogates encode code points above U+FFFF: move them above U+E000..U+FFFF (ICU's fix-up).
                    x = fixUp(x);
                    y = fixUp(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static char fixUp(char c) {
        return (char) (c >= 0xE000 ? c - 0x800 : c + 0x2000);
    }
}
