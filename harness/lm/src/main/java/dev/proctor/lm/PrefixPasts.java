package dev.proctor.lm;

import dev.proctor.api.model.BatchStats;
import dev.proctor.lm.PrefixTree.Node;
import dev.proctor.lm.PrefixTree.Want;
import dev.proctor.lm.SequencePool.Sequence;
import dev.proctor.lm.SequencePool.Waiter;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cached pasts of several token sequences, each shared prefix computed once: what generation starts from when
 * its contexts share a few-shot header. The sequences' prefix tree runs once ({@link PrefixTreeRun}); a node's past
 * is held for the sequences that end there, else closed once its children ran.
 */
final class PrefixPasts extends PrefixTreeRun {
    private final Map<Sequence, KvCache.Past> ends = new IdentityHashMap<>();

    private PrefixPasts(CausalLm lm, KvCache cache, int budgetTokens, Consumer<BatchStats> batches) {
        super(lm, cache, budgetTokens, batches);
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
            run.run(PrefixTree.build(distinct));
        } catch (RuntimeException | Error e) { // a backend out of memory throws an Error
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

    /** Only the tokens: nothing is scored. */
    @Override
    ScoreQuery query(Node node) {
        return new ScoreQuery(node.tokens(), new int[0], new int[0]);
    }

    @Override
    boolean keep(Node node) {
        return true; // every node has children or ends a sequence
    }

    @Override
    boolean closeAfterChildren(Node node) {
        return node.wants.isEmpty();
    }

    @Override
    void ran(List<Node> members, List<KvCache.Extension> rows, List<KvCache.Extended> out) {
        for (int b = 0; b < members.size(); b++) {
            for (Want w : members.get(b).wants) {
                ends.put(w.sequence(), out.get(b).past());
            }
        }
    }
}
