package dev.proctor.lm;

import dev.proctor.api.model.ModelInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deterministic toy causal LM: one token per UTF-8 byte (end-of-text = 256), a log-probability that is a function of
 * the token prefix and the target only, and a next token read from a script: after a script's key it writes the
 * script's text byte by byte, then end-of-text. Any batching gives identical numbers.
 */
final class ByteLm implements CausalLm {
    static final int EOS = 256;
    private final int maxContext;
    private final Map<String, String> scripts;
    final List<List<ScoreQuery>> scored = new ArrayList<>();
    final List<Integer> stepBatchSizes = new ArrayList<>();
    /** With {@link #withCache()}: per extend call, its past's length and its rows' new-token counts. */
    final List<int[]> extendCalls = new ArrayList<>();
    private boolean cached;
    private int openPasts;

    ByteLm(int maxContext, Map<String, String> scripts) {
        this.maxContext = maxContext;
        this.scripts = scripts;
    }

    ByteLm() {
        this(4096, Map.of());
    }

    static int[] bytes(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("bytes", "causal LM", "java", "cpu", Map.of("max", maxContext));
    }

    @Override
    public LmTokenizer tokenizer() {
        return new LmTokenizer() {
            @Override
            public String decode(int[] ids) {
                byte[] b = new byte[ids.length];
                int n = 0;
                for (int id : ids) {
                    if (id < 256) {
                        b[n++] = (byte) id;
                    }
                }
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }

            @Override
            public int[] encode(String text) {
                return bytes(text);
            }

            @Override
            public int eosTokenId() {
                return EOS;
            }

            @Override
            public int maxContextLength() {
                return maxContext;
            }
        };
    }

    @Override
    public List<TargetScores> score(List<ScoreQuery> batch) {
        scored.add(List.copyOf(batch));
        List<TargetScores> out = new ArrayList<>();
        for (ScoreQuery q : batch) {
            if (q.tokens().length > maxContext) {
                throw new IllegalArgumentException(q.tokens().length + " tokens exceed the context of " + maxContext);
            }
            double[] lp = new double[q.targets().length];
            boolean[] greedy = new boolean[lp.length];
            for (int j = 0; j < lp.length; j++) {
                lp[j] = logProb(q.tokens(), q.positions()[j], q.targets()[j]);
                greedy[j] = q.targets()[j] % 2 == 0;
            }
            out.add(new TargetScores(lp, greedy));
        }
        return out;
    }

    /** log P(target | tokens[0..position]): a hash of the prefix and target mapped into [-10.1, -0.1). */
    static double logProb(int[] tokens, int position, int target) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i <= position; i++) {
            h = (h ^ tokens[i]) * 0x100000001b3L;
        }
        h = (h ^ (target + 1000)) * 0x100000001b3L;
        h ^= h >>> 29;
        return -0.1 - Math.floorMod(h, 10_000) / 1000.0;
    }

    @Override
    public int[] nextTokens(List<int[]> sequences) {
        stepBatchSizes.add(sequences.size());
        int[] next = new int[sequences.size()];
        for (int i = 0; i < next.length; i++) {
            if (sequences.get(i).length > maxContext) {
                throw new IllegalArgumentException("sequence exceeds the context");
            }
            String text = tokenizer().decode(sequences.get(i));
            next[i] = EOS;
            for (Map.Entry<String, String> script : scripts.entrySet()) {
                int at = text.indexOf(script.getKey());
                if (at >= 0) {
                    byte[] written = text.substring(at + script.getKey().length()).getBytes(StandardCharsets.UTF_8);
                    byte[] all = script.getValue().getBytes(StandardCharsets.UTF_8);
                    if (written.length < all.length && Arrays.equals(written, Arrays.copyOf(all, written.length))) {
                        next[i] = all[written.length] & 0xff;
                    }
                }
            }
        }
        return next;
    }

    /** Offers a KV cache: a past is the tokens it covers, and scores after it are those of the whole sequence. */
    ByteLm withCache() {
        cached = true;
        return this;
    }

    /** Pasts handed out and not yet closed. */
    int openPasts() {
        return openPasts;
    }

    @Override
    public Optional<KvCache> kvCache() {
        return cached ? Optional.of(new TokensCache()) : Optional.empty();
    }

    /** A cache that keeps tokens instead of keys and values: any mistake in what a row continues changes its scores. */
    private final class TokensCache implements KvCache {
        @Override
        public List<Extended> extend(Past past, List<Extension> rows) {
            int[] prefix = past == null ? new int[0] : ((TokensPast) past).open();
            int[] call = new int[rows.size() + 1];
            call[0] = prefix.length;
            List<Extended> out = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                ScoreQuery q = rows.get(r).query();
                call[r + 1] = q.tokens().length;
                int[] whole = Arrays.copyOf(prefix, prefix.length + q.tokens().length);
                System.arraycopy(q.tokens(), 0, whole, prefix.length, q.tokens().length);
                int[] positions = Arrays.stream(q.positions()).map(p -> p + prefix.length).toArray();
                TargetScores scores = score(List.of(new ScoreQuery(whole, positions, q.targets()))).get(0);
                out.add(new Extended(scores, rows.get(r).keep() ? new TokensPast(whole) : null));
            }
            extendCalls.add(call);
            return out;
        }

        @Override
        public Decoding decode(List<Past> pasts, int[] tokens) {
            List<int[]> rows = new ArrayList<>();
            for (int r = 0; r < tokens.length; r++) {
                int[] prefix = pasts.get(r) == null ? new int[0] : ((TokensPast) pasts.get(r)).open();
                int[] row = Arrays.copyOf(prefix, prefix.length + 1);
                row[prefix.length] = tokens[r];
                rows.add(row);
            }
            return new Decoding() {
                private int[] next = nextTokens(rows);
                /** As a real cache aligns its rows: the longest row plus the tokens appended since. */
                private int span = rows.stream().mapToInt(r -> r.length).max().orElse(0);

                @Override
                public int[] next() {
                    return next.clone();
                }

                @Override
                public void append(int[] tokens) {
                    if (++span > maxContext) {
                        throw new IllegalStateException("decoding past the model's context of " + maxContext);
                    }
                    for (int r = 0; r < rows.size(); r++) {
                        int[] longer = Arrays.copyOf(rows.get(r), rows.get(r).length + 1);
                        longer[longer.length - 1] = tokens[r];
                        rows.set(r, longer);
                    }
                    next = nextTokens(rows);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private final class TokensPast implements KvCache.Past {
        private int[] tokens;

        TokensPast(int[] tokens) {
            this.tokens = tokens;
            openPasts++;
        }

        int[] open() {
            if (tokens == null) {
                throw new IllegalStateException("a closed past was continued");
            }
            return tokens;
        }

        @Override
        public int length() {
            return open().length;
        }

        @Override
        public void close() {
            if (tokens != null) {
                tokens = null;
                openPasts--;
            }
        }
    }

    @Override
    public void close() {
    }
}
