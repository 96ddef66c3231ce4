package dev.proctor.serve;

import dev.proctor.lm.LmTokenizer;
import java.util.Arrays;

/**
 * Each token's text as an incremental detokenizer gives it (vLLM's): the characters its token adds to the decoded
 * text so far. A token ending inside a multi-byte character adds nothing until the character completes, so the
 * strings always concatenate to the decoded text and {@code text_offset} points at real character boundaries.
 */
final class TokenStrings {
    private static final char REPLACEMENT = '\uFFFD';

    private TokenStrings() {
    }

    static String[] of(LmTokenizer tokenizer, int[] ids) {
        String[] out = new String[ids.length];
        String done = "";
        for (int i = 0; i < ids.length; i++) {
            String decoded = tokenizer.decode(Arrays.copyOf(ids, i + 1));
            String stable = i == ids.length - 1 ? decoded : withoutTrailingReplacement(decoded);
            if (stable.startsWith(done)) {
                out[i] = stable.substring(done.length());
                done = stable;
            } else {
                out[i] = tokenizer.decode(new int[] {ids[i]}); // a tokenizer that rewrites earlier text: its own piece
                done = stable;
            }
        }
        return out;
    }

    private static String withoutTrailingReplacement(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == REPLACEMENT) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Python's {@code len}: code points, which vLLM's offsets count. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
