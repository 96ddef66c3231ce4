package dev.proctor.core.schedule;

import dev.proctor.api.model.ScoreQuery;
import dev.proctor.core.request.ItemRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Distinct token sequences of all pending items. Requests with the same tokens share one sequence whose
 * (position, target) pairs are the union of theirs; each item keeps references into it.
 */
final class QueryPool {
    private final Map<Tokens, Sequence> byTokens = new LinkedHashMap<>();
    private final List<Sequence> sequences = new ArrayList<>();

    /** Registers an item's request; the returned item waits on the sequences it references. */
    PendingItem add(int planIndex, ItemRequest request) {
        Sequence[] local = new Sequence[request.queries().size()];
        int[][] targetIndex = new int[request.queries().size()][];
        PendingItem item = new PendingItem(planIndex);
        for (int q = 0; q < local.length; q++) {
            ScoreQuery query = request.queries().get(q);
            local[q] = byTokens.computeIfAbsent(new Tokens(query.tokens()), t -> {
                Sequence s = new Sequence(t.tokens);
                sequences.add(s);
                return s;
            });
            targetIndex[q] = new int[query.positions().length];
            for (int j = 0; j < targetIndex[q].length; j++) {
                targetIndex[q][j] = local[q].pair(query.positions()[j], query.targets()[j]);
            }
            List<PendingItem> waiting = local[q].waiting;
            if (waiting.isEmpty() || waiting.get(waiting.size() - 1) != item) { // items are added one at a time
                local[q].waiting.add(item);
                item.remaining++;
            }
        }
        for (List<ItemRequest.Ref> choice : request.choices()) {
            List<Sequence> seqs = new ArrayList<>();
            List<Integer> indices = new ArrayList<>();
            for (ItemRequest.Ref ref : choice) {
                seqs.add(local[ref.query()]);
                indices.add(targetIndex[ref.query()][ref.target()]);
            }
            item.choices.add(new ChoiceRefs(seqs, indices));
        }
        return item;
    }

    /** The distinct sequences, in order of first request; no more items may be added. */
    List<Sequence> seal() {
        byTokens.clear(); // its keys would keep every token array alive after scoring
        return sequences;
    }

    /** One distinct sequence to send, and its log-probabilities once scored. */
    static final class Sequence {
        final int length;
        private int[] tokens; // released once scored: a long run holds many
        private final List<int[]> pairs = new ArrayList<>();
        private final Map<Long, Integer> pairIndex = new LinkedHashMap<>();
        final List<PendingItem> waiting = new ArrayList<>();
        double[] logProbs;

        Sequence(int[] tokens) {
            this.tokens = tokens;
            this.length = tokens.length;
        }

        void scored(double[] logProbs) {
            this.logProbs = logProbs;
            this.tokens = null;
        }

        private int pair(int position, int target) {
            return pairIndex.computeIfAbsent(((long) position << 32) | (target & 0xffffffffL), k -> {
                pairs.add(new int[] {position, target});
                return pairs.size() - 1;
            });
        }

        ScoreQuery query() {
            int[] positions = new int[pairs.size()];
            int[] targets = new int[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                positions[i] = pairs.get(i)[0];
                targets[i] = pairs.get(i)[1];
            }
            return new ScoreQuery(tokens, positions, targets);
        }

        int targets() {
            return pairs.size();
        }
    }

    /** A choice's log-likelihood: the sum of these sequences' log-probabilities at these indices. */
    record ChoiceRefs(List<Sequence> sequences, List<Integer> indices) {
        double logLik() {
            double sum = 0;
            for (int i = 0; i < sequences.size(); i++) {
                sum += sequences.get(i).logProbs[indices.get(i)];
            }
            return sum;
        }
    }

    /** An item waiting for its sequences; complete when {@code remaining} reaches zero. */
    static final class PendingItem {
        final int planIndex;
        final List<ChoiceRefs> choices = new ArrayList<>();
        int remaining;

        PendingItem(int planIndex) {
            this.planIndex = planIndex;
        }

        double[] choiceLogLik() {
            return choices.stream().mapToDouble(ChoiceRefs::logLik).toArray();
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
