package dev.proctor.core.schedule;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ScoreQuery;
import dev.proctor.api.task.Item;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.PlannedItem;
import dev.proctor.core.request.RequestBuilder;
import dev.proctor.core.result.ItemResult;
import dev.proctor.core.result.RunStats;
import dev.proctor.core.run.ProgressListener;
import dev.proctor.core.schedule.QueryPool.PendingItem;
import dev.proctor.core.schedule.QueryPool.Sequence;
import dev.proctor.core.store.ResultStore;
import dev.proctor.core.store.RunFingerprint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Scores a plan with a model, storing each item as soon as its last sequence is scored. */
public final class Scheduler {

    /**
     * Binds the store to this run ({@link RunFingerprint}), reuses stored items whose prompt is unchanged, and scores
     * the rest. On an exception (a model failure, a kill) every item completed before it is already stored.
     */
    public RunOutcome run(EvaluationPlan plan, LanguageModel model, ResultStore store, ProgressListener listener) {
        long start = System.nanoTime();
        store.bind(RunFingerprint.of(plan, model.info()));
        List<PlannedItem> items = plan.items();
        ItemResult[] results = new ItemResult[items.size()];
        Map<String, ItemResult> stored = store.loadAll();
        RequestBuilder requests = new RequestBuilder(model, plan.config().scoring());
        QueryPool pool = new QueryPool();
        long pending = 0;
        for (int i = 0; i < items.size(); i++) {
            PlannedItem item = items.get(i);
            if (!item.prompt().item().hasGold()) {
                throw new ProctorException("item " + item.key() + " has no gold answer; this plan is for showing"
                        + " prompts, not scoring");
            }
            ItemResult previous = stored.get(item.key());
            if (previous != null && previous.promptSha256().equals(item.promptSha256())) {
                results[i] = previous;
            } else {
                pool.add(i, requests.build(item.prompt()));
                pending++;
            }
        }
        listener.started(pending, items.size() - pending);

        List<Sequence> sequences = pool.seal();
        List<List<Integer>> batches =
                Batcher.batches(sequences.stream().mapToInt(s -> s.length).toArray(), plan.config().batchTokens());
        Counters counters = new Counters();
        for (List<Integer> batch : batches) {
            List<PendingItem> completed = score(batch.stream().map(sequences::get).toList(), model, counters);
            List<ItemResult> done = new ArrayList<>(completed.size());
            for (PendingItem p : completed) {
                results[p.planIndex] = result(items.get(p.planIndex), p.choiceLogLik());
                done.add(results[p.planIndex]);
            }
            store.putAll(done); // one transaction per batch: a kill loses at most the batch in flight
            if (!done.isEmpty()) {
                listener.advanced(done.size());
            }
        }
        listener.finished();
        RunStats stats = new RunStats(pending, items.size() - pending, sequences.size(), batches.size(),
                counters.realTokens, counters.paddedTokens, counters.forwardNanos, System.nanoTime() - start);
        return new RunOutcome(Arrays.asList(results), stats);
    }

    /** Runs one batch; returns the items it completed, in plan order. */
    private static List<PendingItem> score(List<Sequence> batch, LanguageModel model, Counters counters) {
        List<ScoreQuery> queries = batch.stream().map(Sequence::query).toList();
        long t0 = System.nanoTime();
        List<double[]> scores = model.score(queries);
        counters.forwardNanos += System.nanoTime() - t0;
        check(queries, scores);
        int longest = 0;
        List<PendingItem> completed = new ArrayList<>();
        for (int b = 0; b < batch.size(); b++) {
            Sequence s = batch.get(b);
            counters.realTokens += s.length;
            longest = Math.max(longest, s.length);
            s.scored(scores.get(b));
            for (PendingItem waiting : s.waiting) {
                if (--waiting.remaining == 0) {
                    completed.add(waiting);
                }
            }
        }
        counters.paddedTokens += (long) batch.size() * longest;
        completed.sort(Comparator.comparingInt(p -> p.planIndex));
        return completed;
    }

    private static final class Counters {
        long realTokens;
        long paddedTokens;
        long forwardNanos;
    }

    private static void check(List<ScoreQuery> queries, List<double[]> scores) {
        if (scores.size() != queries.size()) {
            throw new ProctorException("the model returned " + scores.size() + " results for a batch of "
                    + queries.size());
        }
        for (int i = 0; i < scores.size(); i++) {
            double[] s = scores.get(i);
            if (s == null || s.length != queries.get(i).targets().length) {
                throw new ProctorException("the model returned " + (s == null ? "no" : s.length)
                        + " log-probabilities for a query that asked " + queries.get(i).targets().length);
            }
            for (double v : s) {
                if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                    throw new ProctorException("the model returned a log-probability of " + v);
                }
            }
        }
    }

    private static ItemResult result(PlannedItem planned, double[] logLik) {
        Item item = planned.prompt().item();
        List<String> labels = planned.choiceLabels();
        int[] chars = new int[labels.size()];
        int[] bytes = new int[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            chars[i] = label.codePointCount(0, label.length()); // Python's len(): code points
            bytes[i] = label.getBytes(StandardCharsets.UTF_8).length;
        }
        return new ItemResult(planned.prompt().task(), planned.prompt().subject(), item.id(), planned.promptSha256(),
                planned.prompt().shotsUsed(), logLik, chars, bytes, item.gold());
    }
}
