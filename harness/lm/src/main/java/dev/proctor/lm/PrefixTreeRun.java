package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.core.schedule.Batcher;
import dev.proctor.lm.PrefixTree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a prefix tree through a KV cache, depth first: the children of a node are batched after its past
 * ({@link Batcher#continuations}: under the token budget with the past counted in each row, and at most a tenth of
 * the new tokens padding), so every node is fed once. A past is kept while its children run, then closed unless the
 * subclass holds on to it; the cache holds one path of the tree and one batch at a time. Subclasses say what each
 * node asks for and use what comes back: {@link CachedScoring} answers log-likelihoods, {@link PrefixPasts} keeps
 * generation contexts' pasts.
 */
abstract class PrefixTreeRun {
    /** The least share of real tokens among the new tokens of a batch (the rest is padding). */
    static final double MIN_FILL = 0.9;

    private final CausalLm lm;
    private final KvCache cache;
    private final int budgetTokens;
    private final Consumer<BatchStats> batches;

    PrefixTreeRun(CausalLm lm, KvCache cache, int budgetTokens, Consumer<BatchStats> batches) {
        this.lm = lm;
        this.cache = cache;
        this.budgetTokens = budgetTokens;
        this.batches = batches;
    }

    /** What the node's tokens are run for, positions counted from its first token. */
    abstract ScoreQuery query(Node node);

    /** Whether the node's past must come back (its children continue it, or the subclass holds it). */
    abstract boolean keep(Node node);

    /** Uses one batch's results, in the order of {@code members}, before any child runs. */
    abstract void ran(List<Node> members, List<KvCache.Extension> rows, List<KvCache.Extended> out);

    /** Whether the run closes the node's past once its children ran (false: the subclass holds it). */
    abstract boolean closeAfterChildren(Node node);

    final CausalLm lm() {
        return lm;
    }

    final void run(Node root) {
        extendAll(null, root.children);
    }

    private void extendAll(KvCache.Past past, List<Node> children) {
        int pastLength = past == null ? 0 : past.length();
        int[] lengths = children.stream().mapToInt(Node::length).toArray();
        for (List<Integer> batch : Batcher.continuations(lengths, pastLength, budgetTokens, MIN_FILL)) {
            List<Node> members = batch.stream().map(children::get).toList();
            List<KvCache.Extension> rows = members.stream()
                    .map(n -> new KvCache.Extension(query(n), keep(n))).toList();
            long t0 = System.nanoTime();
            List<KvCache.Extended> out = cache.extend(past, rows);
            long nanos = System.nanoTime() - t0;
            try {
                check(rows, out);
            } catch (RuntimeException e) {
                out.stream().filter(x -> x.past() != null).forEach(x -> x.past().close());
                throw e;
            }
            List<KvCache.Past> closing = new ArrayList<>();
            for (int b = 0; b < members.size(); b++) {
                if (out.get(b).past() != null && closeAfterChildren(members.get(b))) {
                    closing.add(out.get(b).past());
                }
            }
            try {
                long real = members.stream().mapToLong(Node::length).sum();
                int longest = members.stream().mapToInt(Node::length).max().orElse(0);
                batches.accept(new BatchStats(members.size(), real, (long) members.size() * longest, nanos));
                ran(members, rows, out);
                for (int b = 0; b < members.size(); b++) {
                    KvCache.Past kept = out.get(b).past();
                    if (kept != null) {
                        extendAll(kept, members.get(b).children);
                        if (closing.contains(kept)) {
                            kept.close();
                        }
                    }
                }
            } finally {
                closing.forEach(KvCache.Past::close);
            }
        }
    }

    private void check(List<KvCache.Extension> rows, List<KvCache.Extended> out) {
        if (out.size() != rows.size()) {
            throw new ProctorException(lm.info().name() + " returned " + out.size() + " cached results for a batch of "
                    + rows.size());
        }
        for (int b = 0; b < rows.size(); b++) {
            if (rows.get(b).keep() && out.get(b).past() == null) {
                throw new ProctorException(lm.info().name() + " kept no past for a prefix it was asked to keep");
            }
        }
    }
}
