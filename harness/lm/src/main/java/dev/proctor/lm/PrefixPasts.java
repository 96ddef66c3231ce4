package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.core.schedule.Batcher;
import dev.proctor.lm.PrefixTree.Node;
import dev.proctor.lm.PrefixTree.Want;
import dev.proctor.lm.SequencePool.Sequence;
import dev.proctor.lm.SequencePool.Waiter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cached pasts of several token sequences, each shared prefix computed once: what generation starts from when
 * its contexts share a few-shot header. The sequences' prefix tree is run depth first as in {@link CachedScoring}; a
 * node's past is kept for the sequences that end there and for its children, and closed once neither needs it.
 */
final class PrefixPasts {
    private final CausalLm lm;
    private final KvCache cache;
    private final int budgetTokens;
    private final Consumer<BatchStats> batches;
    private final Map<Sequence, KvCache.Past> ends = new IdentityHashMap<>();

    private PrefixPasts(CausalLm lm, KvCache cache, int budgetTokens, Consumer<BatchStats> batches) {
        this.lm = lm;
        this.cache = cache;
        this.budgetTokens = budgetTokens;
        this.batches = batches;
    }

    /**
     * Per sequence, its past ({@code null} for an empty one). Identical sequences get the same past; the caller closes
     * them.
     */
    static List<KvCache.Past> of(CausalLm lm, KvCache cache, List<int[]> sequences, int budgetTokens,
                                 Consumer<BatchStats> batches) {
        SequencePool pool = new SequencePool();
        for (int i = 0; i < sequences.size(); i++) {
            int[] s = sequences.get(i);
            if (s.length > 0) { // a want at the last position marks the node where the sequence ends
                pool.add(i, s, new int[] {s.length - 1}, new int[] {0}, false);
            }
        }
        List<Sequence> distinct = pool.seal();
        PrefixPasts run = new PrefixPasts(lm, cache, budgetTokens, batches);
        try {
            run.extendAll(null, PrefixTree.build(distinct).children);
        } catch (RuntimeException e) {
            run.ends.values().forEach(KvCache.Past::close);
            throw e;
        }
        KvCache.Past[] out = new KvCache.Past[sequences.size()];
        for (Sequence s : distinct) {
            for (Waiter w : s.waiting) {
                out[w.request()] = run.ends.get(s);
            }
        }
        return Arrays.asList(out);
    }

    private void extendAll(KvCache.Past past, List<Node> children) {
        int pastLength = past == null ? 0 : past.length();
        int[] lengths = children.stream().mapToInt(Node::length).toArray();
        for (List<Integer> batch : Batcher.continuations(lengths, pastLength, budgetTokens, CachedScoring.MIN_FILL)) {
            List<Node> members = batch.stream().map(children::get).toList();
            List<KvCache.Extension> rows = members.stream()
                    .map(n -> new KvCache.Extension(new ScoreQuery(n.tokens(), new int[0], new int[0]), true)).toList();
            long t0 = System.nanoTime();
            List<KvCache.Extended> out = cache.extend(past, rows);
            long nanos = System.nanoTime() - t0;
            if (out.size() != rows.size() || out.stream().anyMatch(e -> e.past() == null)) {
                out.stream().filter(e -> e.past() != null).forEach(e -> e.past().close());
                throw new ProctorException(lm.info().name() + " kept no past for a generation's context");
            }
            long real = members.stream().mapToLong(Node::length).sum();
            int longest = members.stream().mapToInt(Node::length).max().orElse(0);
            batches.accept(new BatchStats(members.size(), real, (long) members.size() * longest, nanos));
            List<KvCache.Past> passing = new ArrayList<>(); // pasts that only their children continue
            for (int b = 0; b < members.size(); b++) {
                KvCache.Past kept = out.get(b).past();
                for (Want w : members.get(b).wants) {
                    ends.put(w.sequence(), kept);
                }
                if (members.get(b).wants.isEmpty()) {
                    passing.add(kept);
                }
            }
            try {
                for (int b = 0; b < members.size(); b++) {
                    extendAll(out.get(b).past(), members.get(b).children);
                    if (passing.contains(out.get(b).past())) {
                        out.get(b).past().close();
                    }
                }
            } finally {
                passing.forEach(KvCache.Past::close);
            }
        }
    }
}
