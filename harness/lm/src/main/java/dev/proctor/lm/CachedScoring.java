package dev.proctor.lm;

import dev.proctor.api.model.Execution;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.lm.PrefixTree.Node;
import dev.proctor.lm.PrefixTree.Want;
import dev.proctor.lm.SequencePool.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Log-likelihood scoring through a KV cache: the prompts' prefix tree runs once ({@link PrefixTreeRun}), so every
 * shared prefix (a subject's few-shot header, a question's context before its choices) is computed once. A node's
 * past is kept only while its children run. Each request is reported as soon as its last pair is answered.
 */
final class CachedScoring extends PrefixTreeRun {
    private final Execution<Loglikelihood> execution;

    CachedScoring(CausalLm lm, KvCache cache, Execution<Loglikelihood> execution) {
        super(lm, cache, execution.batchTokens(), execution::recordBatch);
        this.execution = execution;
    }

    /** A node's tokens and its wanted pairs, positions counted from its first token. */
    @Override
    ScoreQuery query(Node node) {
        int[] positions = new int[node.wants.size()];
        int[] targets = new int[node.wants.size()];
        for (int j = 0; j < positions.length; j++) {
            positions[j] = node.wants.get(j).position() - node.start;
            targets[j] = node.wants.get(j).target();
        }
        return new ScoreQuery(node.tokens(), positions, targets);
    }

    @Override
    boolean keep(Node node) {
        return !node.children.isEmpty();
    }

    @Override
    boolean closeAfterChildren(Node node) {
        return true;
    }

    @Override
    void ran(List<Node> members, List<KvCache.Extension> rows, List<KvCache.Extended> out) {
        LoglikelihoodRunner.check(lm(), rows.stream().map(KvCache.Extension::query).toList(),
                out.stream().map(KvCache.Extended::scores).toList());
        List<Sequence> answered = new ArrayList<>();
        for (int b = 0; b < members.size(); b++) {
            Node node = members.get(b);
            TargetScores scores = out.get(b).scores();
            for (int j = 0; j < node.wants.size(); j++) {
                Want want = node.wants.get(j);
                if (want.sequence().answer(want.pair(), scores.logProbs()[j], scores.greedy()[j])) {
                    answered.add(want.sequence());
                }
            }
        }
        LoglikelihoodRunner.report(answered, execution);
    }
}
