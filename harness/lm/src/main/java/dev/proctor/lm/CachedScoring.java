package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.core.schedule.Batcher;
import dev.proctor.lm.PrefixTree.Node;
import dev.proctor.lm.PrefixTree.Want;
import dev.proctor.lm.SequencePool.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Log-likelihood scoring through a KV cache: the prompts' prefix tree is run depth first, the children of a node
 * batched together after its cached past ({@link Batcher#continuations}: under the token budget with the past counted
 * in each row, and at most a tenth of the new tokens padding), so every
 * shared prefix (a subject's few-shot header, a question's context before its choices) is computed once. A node's
 * past is kept only while its children run, so the cache holds one path of the tree and one batch at a time.
 */
final class CachedScoring {
    /** The least share of real tokens among the new tokens of a batch (the rest is padding). */
    static final double MIN_FILL = 0.9;

    private final CausalLm lm;
    private final KvCache cache;
    private final Execution<Loglikelihood> execution;

    CachedScoring(CausalLm lm, KvCache cache, Execution<Loglikelihood> execution) {
        this.lm = lm;
        this.cache = cache;
        this.execution = execution;
    }

    void run(Node root) {
        extendAll(null, root.children);
    }

    private void extendAll(KvCache.Past past, List<Node> children) {
        int pastLength = past == null ? 0 : past.length();
        int[] lengths = children.stream().mapToInt(Node::length).toArray();
        for (List<Integer> batch : Batcher.continuations(lengths, pastLength, execution.batchTokens(), MIN_FILL)) {
            List<Node> members = batch.stream().map(children::get).toList();
            List<KvCache.Extension> rows = members.stream()
                    .map(n -> new KvCache.Extension(query(n), !n.children.isEmpty())).toList();
            long t0 = System.nanoTime();
            List<KvCache.Extended> out = cache.extend(past, rows);
            long nanos = System.nanoTime() - t0;
            try {
                answer(members, rows, out, nanos);
                for (int b = 0; b < members.size(); b++) {
                    if (out.get(b).past() != null) {
                        extendAll(out.get(b).past(), members.get(b).children);
                        out.get(b).past().close();
                    }
                }
            } finally {
                out.stream().filter(e -> e != null && e.past() != null).forEach(e -> e.past().close());
            }
        }
    }

    private void answer(List<Node> members, List<KvCache.Extension> rows, List<KvCache.Extended> out, long nanos) {
        List<ScoreQuery> queries = rows.stream().map(KvCache.Extension::query).toList();
        if (out.size() != rows.size()) {
            throw new ProctorException(lm.info().name() + " returned " + out.size() + " cached results for a batch of "
                    + rows.size());
        }
        LoglikelihoodRunner.check(lm, queries, out.stream().map(KvCache.Extended::scores).toList());
        List<Sequence> answered = new ArrayList<>();
        long real = 0;
        int longest = 0;
        for (int b = 0; b < members.size(); b++) {
            Node node = members.get(b);
            real += node.length();
            longest = Math.max(longest, node.length());
            if (rows.get(b).keep() && out.get(b).past() == null) {
                throw new ProctorException(lm.info().name() + " kept no past for a prefix that has continuations");
            }
            TargetScores scores = out.get(b).scores();
            for (int j = 0; j < node.wants.size(); j++) {
                Want want = node.wants.get(j);
                if (want.sequence().answer(want.pair(), scores.logProbs()[j], scores.greedy()[j])) {
                    answered.add(want.sequence());
                }
            }
        }
        execution.recordBatch(new BatchStats(members.size(), real, (long) members.size() * longest, nanos));
        LoglikelihoodRunner.report(answered, execution);
    }

    /** A node's tokens and its wanted pairs, positions counted from its first token. */
    private static ScoreQuery query(Node node) {
        int[] positions = new int[node.wants.size()];
        int[] targets = new int[node.wants.size()];
        for (int j = 0; j < positions.length; j++) {
            positions[j] = node.wants.get(j).position() - node.start;
            targets[j] = node.wants.get(j).target();
        }
        return new ScoreQuery(node.tokens(), positions, targets);
    }
}
