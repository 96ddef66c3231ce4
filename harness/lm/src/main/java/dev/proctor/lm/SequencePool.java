package dev.proctor.lm;

import dev.proctor.api.request.Loglikelihood;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct token sequences of a list of log-likelihood requests. Requests with the same input share one
 * sequence whose (position, target) pairs are the union of theirs: the four letters of a question, or every
 * one-token continuation of one context, cost one forward pass (lm-evaluation-harness's shared-context reuse,
 * generalised to any identical input).
 */
final class SequencePool {
    private final Map<Tokens, Sequence> byTokens = new LinkedHashMap<>();
    private final List<Sequence> sequences = new ArrayList<>();

    /** A request waiting on a sequence: its index and the positions of its pairs in the sequence's pairs. */
    record Waiter(int request, int[] pairs, boolean truncated) {
    }

    void add(int request, int[] tokens, int[] positions, int[] targets, boolean truncated) {
        Sequence s = byTokens.computeIfAbsent(new Tokens(tokens), t -> {
            Sequence created = new Sequence(t.tokens);
            sequences.add(created);
            return created;
        });
        int[] pairs = new int[positions.length];
        for (int j = 0; j < pairs.length; j++) {
            pairs[j] = s.pair(positions[j], targets[j]);
        }
        s.waiting.add(new Waiter(request, pairs, truncated));
    }

    /** The distinct sequences, in order of first request; no more may be added. */
    List<Sequence> seal() {
        byTokens.clear(); // its keys would keep every token array alive after scoring
        return sequences;
    }

    /** One distinct sequence to send. */
    static final class Sequence {
        final int length;
        private int[] tokens; // released once scored: a long run holds many
        private final List<int[]> pairs = new ArrayList<>();
        private final Map<Long, Integer> pairIndex = new LinkedHashMap<>();
        final List<Waiter> waiting = new ArrayList<>();
        private double[] logProbs;
        private boolean[] greedy;
        private int unanswered;

        Sequence(int[] tokens) {
            this.tokens = tokens;
            this.length = tokens.length;
        }

        private int pair(int position, int target) {
            return pairIndex.computeIfAbsent(((long) position << 32) | (target & 0xffffffffL), k -> {
                pairs.add(new int[] {position, target});
                return pairs.size() - 1;
            });
        }

        ScoreQuery query() {
            return new ScoreQuery(tokens, positions(), targets());
        }

        /** The tokens to send (null once released). */
        int[] tokens() {
            return tokens;
        }

        /** The distinct wanted positions, one per pair. */
        int[] positions() {
            return pairs.stream().mapToInt(p -> p[0]).toArray();
        }

        /** The target of each pair. */
        int[] targets() {
            return pairs.stream().mapToInt(p -> p[1]).toArray();
        }

        /** Records pair {@code pair}'s result; true once every pair has one. */
        boolean answer(int pair, double logProb, boolean isGreedy) {
            if (logProbs == null) {
                logProbs = new double[pairs.size()];
                greedy = new boolean[pairs.size()];
                unanswered = pairs.size();
            }
            logProbs[pair] = logProb;
            greedy[pair] = isGreedy;
            return --unanswered == 0;
        }

        /** Each waiting request's response, from the answered pairs. */
        List<Loglikelihood> responses() {
            List<Loglikelihood> out = new ArrayList<>(waiting.size());
            for (Waiter w : waiting) {
                double sum = 0;
                boolean all = true;
                for (int p : w.pairs()) {
                    sum += logProbs[p];
                    all &= greedy[p];
                }
                out.add(new Loglikelihood(sum, w.pairs().length, all, w.truncated()));
            }
            return out;
        }

        void release() {
            tokens = null;
        }
    }

    /** Token content as a map key. */
    private record Tokens(int[] tokens) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Tokens t && Arrays.equals(tokens, t.tokens);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tokens);
        }
    }
}
