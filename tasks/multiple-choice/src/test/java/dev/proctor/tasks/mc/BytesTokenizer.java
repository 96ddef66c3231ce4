package dev.proctor.tasks.mc;

import dev.proctor.api.model.Tokenizer;
import java.nio.charset.StandardCharsets;

/** One token per UTF-8 byte, end-of-text 256: token counts a test can compute by hand. */
final class BytesTokenizer implements Tokenizer {
    static final int EOS = 256;
    private final int maxContext;

    BytesTokenizer(int maxContext) {
        this.maxContext = maxContext;
    }

    @Override
    public int[] encode(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }

    @Override
    public int eosTokenId() {
        return EOS;
    }

    @Override
    public int maxContextLength() {
        return maxContext;
    }
}
