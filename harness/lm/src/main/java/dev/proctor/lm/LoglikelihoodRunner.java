package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.core.schedule.Batcher;
import dev.proctor.lm.ContextEncoding.TokenPair;
import dev.proctor.lm.SequencePool.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers log-likelihood requests on a token-level model: each request becomes a sequence and the (position, target)
 * pairs it needs, and identical sequences run once. With a KV cache the sequences' prefix tree runs, each shared
 * prefix once ({@link CachedScoring}); without, sequences are batched longest first under the token budget. Each
 * batch's finished requests are reported as soon as it returns.
 *
 * <ul>
 *   <li>First token only (letter scoring): the context, asking at its last position for the continuation's first
 *       token.</li>
 *   <li>Whole continuation: {@code (ctx + cont)[:-1]}, every continuation token asked at the position before it.</li>
 * </ul>
 * Inputs longer than the model's maximum keep their last tokens, as lm-evaluation-harness's
 * {@code (ctx+cont)[-(max_length+1):][:-1]}; the response says it was truncated.
 */
final class LoglikelihoodRunner {
    /** Requests whose texts are encoded in one batch. */
    private static final int ENCODING_CHUNK = 512;

    private LoglikelihoodRunner() {
    }

    static void run(CausalLm lm, List<LoglikelihoodRequest> requests, Execution<Loglikelihood> execution) {
        ContextEncoding encoding = new ContextEncoding(lm.tokenizer());
        int max = lm.tokenizer().maxContextLength();
        SequencePool pool = new SequencePool();
        for (int from = 0; from < requests.size(); from += ENCODING_CHUNK) {
            List<LoglikelihoodRequest> chunk = requests.subList(from, Math.min(requests.size(), from + ENCODING_CHUNK));
            List<TokenPair> pairs = encoding.pairs(chunk.stream().map(LoglikelihoodRequest::context).toList(),
                    chunk.stream().map(LoglikelihoodRequest::continuation).toList());
            for (int j = 0; j < chunk.size(); j++) {
                add(pool, from + j, chunk.get(j), pairs.get(j), max);
            }
        }
        List<Sequence> sequences = pool.seal();
        execution.recordPrefixTree(PrefixTree.tokens(sequences.stream().map(Sequence::tokens).toList()));
        Optional<KvCache> cache = lm.kvCache();
        if (cache.isPresent()) {
            new CachedScoring(lm, cache.get(), execution).run(PrefixTree.build(sequences));
        } else {
            runWhole(lm, sequences, execution);
        }
    }

    /** Every sequence from its first token, batched longest first. */
    private static void runWhole(CausalLm lm, List<Sequence> sequences, Execution<Loglikelihood> execution) {
        int[] lengths = sequences.stream().mapToInt(s -> s.length).toArray();
        for (List<Integer> batch : Batcher.batches(lengths, execution.batchTokens())) {
            List<Sequence> members = batch.stream().map(sequences::get).toList();
            List<ScoreQuery> queries = members.stream().map(Sequence::query).toList();
            long t0 = System.nanoTime();
            List<TargetScores> scores = lm.score(queries);
            long nanos = System.nanoTime() - t0;
            check(lm, queries, scores);
            long real = 0;
            int longest = 0;
            for (int b = 0; b < members.size(); b++) {
                Sequence s = members.get(b);
                real += s.length;
                longest = Math.max(longest, s.length);
                for (int p = 0; p < queries.get(b).positions().length; p++) {
                    s.answer(p, scores.get(b).logProbs()[p], scores.get(b).greedy()[p]);
                }
                s.release();
            }
            execution.recordBatch(new BatchStats(members.size(), real, (long) members.size() * longest, nanos));
            report(members, execution);
        }
    }

    /** Reports the requests waiting on these (fully answered) sequences. */
    static void report(List<Sequence> answered, Execution<Loglikelihood> execution) {
        List<Integer> indices = new ArrayList<>();
        List<Loglikelihood> responses = new ArrayList<>();
        for (Sequence s : answered) {
            s.waiting.forEach(w -> indices.add(w.request()));
            responses.addAll(s.responses());
        }
        if (!indices.isEmpty()) {
            execution.completed(indices.stream().mapToInt(Integer::intValue).toArray(), responses);
        }
    }

    private static void add(SequencePool pool, int index, LoglikelihoodRequest request, TokenPair pair, int max) {
        int[] context = pair.context();
        int[] continuation = ContextEncoding.nonEmpty(pair.continuation(), request.continuation());
        if (request.firstTokenOnly()) {
            int cut = Math.max(0, context.length - max);
            int[] tokens = java.util.Arrays.copyOfRange(context, cut, context.length);
            pool.add(index, tokens, new int[] {tokens.length - 1}, new int[] {continuation[0]}, cut > 0);
            return;
        }
        if (continuation.length > max) {
            throw new ProctorException("a continuation of " + continuation.length + " tokens does not fit the model's "
                    + max + " tokens: '" + request.continuation() + "'");
        }
        int inputLength = context.length + continuation.length - 1;
        int cut = Math.max(0, inputLength - max);
        int[] tokens = new int[inputLength - cut];
        for (int i = 0; i < tokens.length; i++) {
            int j = i + cut;
            tokens[i] = j < context.length ? context[j] : continuation[j - context.length];
        }
        int[] positions = new int[continuation.length];
        for (int t = 0; t < continuation.length; t++) {
            positions[t] = context.length - 1 + t - cut; // the logits before continuation token t
        }
        pool.add(index, tokens, positions, continuation.clone(), cut > 0);
    }

    static void check(CausalLm lm, List<ScoreQuery> queries, List<TargetScores> scores) {
        String name = lm.info().name();
        if (scores.size() != queries.size()) {
            throw new ProctorException(name + " returned " + scores.size() + " results for a batch of " + queries.size());
        }
        for (int i = 0; i < scores.size(); i++) {
            TargetScores s = scores.get(i);
            if (s == null || s.logProbs().length != queries.get(i).targets().length) {
                throw new ProctorException(name + " returned " + (s == null ? "no" : s.logProbs().length)
                        + " log-probabilities for a query that asked " + queries.get(i).targets().length);
            }
            for (double v : s.logProbs()) {
                if (Double.isNaN(v) || v > 1e-9) {
                    throw new ProctorException(name + " returned a log-probability of " + v);
                }
            }
        }
    }
}
