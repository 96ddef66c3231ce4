package dev.proctor.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.proctor.api.model.Tokenizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Context and continuation tokens as lm-evaluation-harness encodes them, with and without a BOS-adding tokenizer. */
class ContextEncodingTest {
    private static final int BOS = 300;

    /** One token per byte; end-of-text 256; optionally a BOS added before every text, as Llama's tokenizer does. */
    private static Tokenizer bytes(boolean addsBos) {
        return new Tokenizer() {
            @Override
            public int[] encode(String text) {
                return ByteLm.bytes(text);
            }

            @Override
            public int eosTokenId() {
                return ByteLm.EOS;
            }

            @Override
            public int maxContextLength() {
                return 4096;
            }

            @Override
            public Optional<SpecialToken> addedBos() {
                return addsBos ? Optional.of(new SpecialToken(BOS, "<s>")) : Optional.empty();
            }
        };
    }

    @Test
    void aTokenizerThatAddsBosGetsItBeforeTheContextAndNowhereElse() {
        ContextEncoding bos = new ContextEncoding(bytes(true));
        ContextEncoding.TokenPair pair = bos.pair("Q: ", "A");
        assertArrayEquals(new int[] {BOS, 'Q', ':'}, pair.context(), "trailing space moved to the continuation");
        assertArrayEquals(new int[] {' ', 'A'}, pair.continuation(), "the continuation gets no BOS");
        assertArrayEquals(new int[] {BOS, 'Q', ':'}, bos.generationContext("Q:"));
        assertArrayEquals(new int[] {'<', 's', '>', 'Q'}, bos.context("<s>Q"), "a prompt already opening with BOS");
    }

    @Test
    void pairsInABatchEqualPairsOneByOne() {
        List<String> contexts = List.of("Q: ", "", "<s>Q", "Q: ", "\t", "Another ", "Q:");
        List<String> continuations = List.of("A", "A", " B", "BB", "x", "  y", " A");
        for (boolean addsBos : new boolean[] {true, false}) {
            List<ContextEncoding.TokenPair> batched = new ContextEncoding(bytes(addsBos)).pairs(contexts, continuations);
            ContextEncoding single = new ContextEncoding(bytes(addsBos));
            for (int i = 0; i < contexts.size(); i++) {
                ContextEncoding.TokenPair one = single.pair(contexts.get(i), continuations.get(i));
                assertArrayEquals(one.context(), batched.get(i).context(), "context " + i);
                assertArrayEquals(one.continuation(), batched.get(i).continuation(), "continuation " + i);
            }
        }
    }

    @Test
    void aTokenizerWithoutBosIsEncodedAsItIs() {
        ContextEncoding plain = new ContextEncoding(bytes(false));
        ContextEncoding.TokenPair pair = plain.pair("Q: ", "A");
        assertArrayEquals(new int[] {'Q', ':'}, pair.context());
        assertArrayEquals(new int[] {' ', 'A'}, pair.continuation());
    }

    @Test
    void anEmptyContextBecomesBosWhereThereIsOneElseEndOfText() {
        assertArrayEquals(new int[] {BOS}, new ContextEncoding(bytes(true)).pair("", "A").context());
        assertArrayEquals(new int[] {ByteLm.EOS}, new ContextEncoding(bytes(false)).pair("", "A").context());
        assertArrayEquals(new int[] {'A'}, new ContextEncoding(bytes(true)).pair("", "A").continuation());
        assertArrayEquals(new int[] {BOS}, new ContextEncoding(bytes(true)).generationContext(""));
    }
}
