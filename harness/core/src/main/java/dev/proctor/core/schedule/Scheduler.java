package dev.proctor.core.schedule;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.request.Corpus;
import dev.proctor.api.request.Embedding;
import dev.proctor.api.request.Passage;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.request.RetrieveRequest;
import dev.proctor.api.task.ItemScore;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.PlannedItem;
import dev.proctor.core.plan.TaskPlan;
import dev.proctor.core.store.Canonical;
import dev.proctor.core.store.ResultStore;
import dev.proctor.core.store.ResultStore.NewResponse;
import dev.proctor.core.store.RunFingerprint;
import dev.proctor.core.store.StoredItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step four: runs a plan on a model. The requests of every pending item are pooled by kind, identical requests run
 * once, requests whose responses are stored are not sent, and each batch of responses is stored together with the
 * items it completes, in one transaction, as soon as the model reports it. A run killed at any moment therefore
 * resumes with the same command and computes only what is missing, for every request kind.
 */
public final class Scheduler {
    private final int batchTokens;

    /** @param batchTokens the padded-token budget backends batch under */
    public Scheduler(int batchTokens) {
        this.batchTokens = batchTokens;
    }

    /**
     * Binds the store to this run ({@link RunFingerprint}), reuses stored items and responses, and computes the rest.
     * On an exception (a model failure, a kill) everything completed before it is already stored.
     */
    public RunOutcome run(EvaluationPlan plan, Model model, ResultStore store, ProgressListener listener) {
        store.bind(RunFingerprint.of(plan, model.info()));
        return new Run(plan, model, store, listener).execute();
    }

    /** One distinct request and who waits for its response. */
    private static final class Slot {
        final Request request;
        final String key;
        final List<Integer> waiting = new ArrayList<>();
        Response answer;

        Slot(Request request, String key) {
            this.request = request;
            this.key = key;
        }
    }

    private final class Run {
        private final EvaluationPlan plan;
        private final Model model;
        private final ResultStore store;
        private final ProgressListener listener;
        private final String modelKey;
        private final long start = System.nanoTime();
        private final ItemScore[] scores;
        private final int[] remaining;
        private final boolean[] pending;
        private final Map<RequestKind<?, ?>, Map<String, Slot>> slots = new LinkedHashMap<>();
        private final Checks checks = new Checks();
        private final Map<String, String> notes = new LinkedHashMap<>();
        private long computedItems;
        private long computedResponses;
        private long reusedResponses;
        private long modelCalls;
        private long sequences;
        private long realTokens;
        private long paddedTokens;
        private long prefixTreeTokens;
        private long modelNanos;

        Run(EvaluationPlan plan, Model model, ResultStore store, ProgressListener listener) {
            this.plan = plan;
            this.model = model;
            this.store = store;
            this.listener = listener;
            this.modelKey = Canonical.modelKey(model.info());
            int n = plan.items().size();
            this.scores = new ItemScore[n];
            this.remaining = new int[n];
            this.pending = new boolean[n];
        }

        RunOutcome execute() {
            List<PlannedItem> items = plan.items();
            Map<String, StoredItem> storedItems = store.items();
            for (int i = 0; i < items.size(); i++) {
                PlannedItem p = items.get(i);
                for (int j = 0; j < p.requestKeys().size(); j++) {
                    Request request = p.item().requests().get(j);
                    Slot slot = slots.computeIfAbsent(request.kind(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(p.requestKeys().get(j), key -> new Slot(request, key));
                    if (slot.waiting.isEmpty() || slot.waiting.get(slot.waiting.size() - 1) != i) {
                        slot.waiting.add(i);
                    }
                }
            }
            for (Map.Entry<RequestKind<?, ?>, Map<String, Slot>> e : slots.entrySet()) {
                Map<String, ? extends Response> stored = store.responses(modelKey, e.getKey());
                for (Slot slot : e.getValue().values()) {
                    slot.answer = stored.get(slot.key);
                    if (slot.answer != null) {
                        reusedResponses++;
                    }
                }
            }
            long reusedItems = 0;
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                PlannedItem p = items.get(i);
                StoredItem s = storedItems.get(p.key());
                int open = 0;
                for (Slot slot : slotsOf(p)) {
                    open += slot.answer == null ? 1 : 0;
                }
                if (s != null && s.fingerprint().equals(p.fingerprint()) && open == 0) {
                    scores[i] = s.score();
                    reusedItems++;
                } else {
                    pending[i] = true;
                    remaining[i] = open;
                    if (open == 0) {
                        ready.add(i);
                    }
                }
            }
            listener.started(items.size() - reusedItems, reusedItems);
            complete(List.of(), ready);
            for (RequestKind<?, ?> kind : RequestKind.all()) {
                runKind(kind);
            }
            listener.finished();
            List<List<Response>> responses = new ArrayList<>(items.size());
            for (PlannedItem p : items) {
                responses.add(slotsOf(p).stream().map(s -> s.answer).toList());
            }
            long requests = slots.values().stream().mapToLong(Map::size).sum();
            RunStats stats = new RunStats(items.size(), computedItems, reusedItems, requests, computedResponses,
                    reusedResponses, modelCalls, sequences, realTokens, paddedTokens, prefixTreeTokens, modelNanos,
                    System.nanoTime() - start);
            return new RunOutcome(Arrays.asList(scores), responses, stats, notes);
        }

        private <Q extends Request, A extends Response> void runKind(RequestKind<Q, A> kind) {
            Map<String, Slot> table = slots.get(kind);
            if (table == null) {
                return;
            }
            List<Slot> todo = table.values().stream().filter(s -> s.answer == null).toList();
            if (todo.isEmpty()) {
                return;
            }
            List<Q> requests = todo.stream().map(s -> kind.cast(s.request)).toList();
            model.run(kind, requests, new TopExecution<>(kind, todo));
            long open = todo.stream().filter(s -> s.answer == null).count();
            if (open > 0) {
                throw new ProctorException("model " + model.info().name() + " left " + open + " of " + todo.size()
                        + " " + kind.id() + " requests unanswered");
            }
        }

        private List<Slot> slotsOf(PlannedItem p) {
            List<Slot> out = new ArrayList<>(p.requestKeys().size());
            for (int j = 0; j < p.requestKeys().size(); j++) {
                out.add(slots.get(p.item().requests().get(j).kind()).get(p.requestKeys().get(j)));
            }
            return out;
        }

        /** Stores new responses and the items they complete in one transaction, then reports progress. */
        private void complete(List<NewResponse> responses, List<Integer> completed) {
            List<StoredItem> stored = new ArrayList<>(completed.size());
            completed.sort(null);
            for (int i : completed) {
                PlannedItem p = plan.items().get(i);
                scores[i] = score(p);
                stored.add(new StoredItem(p.task(), p.item().id(), p.item().subject(), p.fingerprint(), scores[i]));
            }
            store.commit(responses, stored);
            computedItems += completed.size();
            computedResponses += responses.size();
            if (!completed.isEmpty()) {
                listener.advanced(completed.size());
            }
        }

        private ItemScore score(PlannedItem p) {
            List<Response> responses = slotsOf(p).stream().map(s -> s.answer).toList();
            ItemScore score;
            try {
                score = p.item().scorer().score(responses);
            } catch (RuntimeException e) {
                throw new ProctorException("item " + p.key() + " (" + p.item().source() + ") could not be scored: "
                        + e.getMessage(), e);
            }
            TaskPlan taskPlan = plan.tasks().get(p.task());
            if (taskPlan.task().fits(plan.config().settings())) {
                return score; // its values come with the fit: checked then (Fitter)
            }
            MeanValues.require(p.key(), score, taskPlan.metrics());
            return score;
        }

        private void recordBatch(BatchStats b) {
            modelCalls++;
            sequences += b.sequences();
            realTokens += b.realTokens();
            paddedTokens += b.paddedTokens();
            modelNanos += b.nanos();
        }

        /** The execution of the run's own requests: responses complete items. */
        private final class TopExecution<A extends Response> extends BaseExecution<A> {
            private final List<Slot> todo;

            TopExecution(RequestKind<?, A> kind, List<Slot> todo) {
                super(kind, model);
                this.todo = todo;
            }

            @Override
            public void completed(int[] indices, List<A> responses) {
                check(indices, responses, todo.size());
                List<NewResponse> fresh = new ArrayList<>(indices.length);
                List<Integer> completed = new ArrayList<>();
                for (int r = 0; r < indices.length; r++) {
                    Slot slot = todo.get(indices[r]);
                    if (slot.answer != null) {
                        throw new ProctorException("model " + model.info().name() + " answered a " + kind.id()
                                + " request twice");
                    }
                    A response = checked(slot.request, responses.get(r));
                    slot.answer = response;
                    fresh.add(new NewResponse(modelKey, slot.key, kind, response));
                    for (int i : slot.waiting) {
                        if (pending[i] && --remaining[i] == 0) {
                            completed.add(i);
                        }
                    }
                }
                complete(fresh, completed);
            }
        }

        /** What every execution shares: sub-requests through the store, statistics, notes, response checks. */
        private abstract class BaseExecution<A extends Response> implements Execution<A> {
            final RequestKind<?, A> kind;
            final Model runner;

            BaseExecution(RequestKind<?, A> kind, Model runner) {
                this.kind = kind;
                this.runner = runner;
            }

            void check(int[] indices, List<A> responses, int size) {
                if (indices.length != responses.size()) {
                    throw new ProctorException("model " + runner.info().name() + " reported " + responses.size()
                            + " responses for " + indices.length + " requests");
                }
                for (int i : indices) {
                    if (i < 0 || i >= size) {
                        throw new ProctorException("model " + runner.info().name() + " answered request " + i
                                + " of " + size);
                    }
                }
            }

            A checked(Request request, A response) {
                try {
                    kind.castResponse(response);
                    checks.check(runner, request, response);
                    return response;
                } catch (IllegalArgumentException e) {
                    throw new ProctorException("model " + runner.info().name() + " gave an invalid " + kind.id()
                            + " response: " + e.getMessage(), e);
                }
            }

            @Override
            public <Q2 extends Request, R2 extends Response> List<R2> run(Model sub, RequestKind<Q2, R2> subKind,
                                                                          List<Q2> requests) {
                if (!sub.capabilities().contains(subKind)) {
                    throw new ProctorException("model " + sub.info().name() + " does not serve " + subKind.id());
                }
                String subModel = Canonical.modelKey(sub.info());
                Map<String, R2> answers = new HashMap<>(store.responses(subModel, subKind));
                List<String> keys = new ArrayList<>(requests.size());
                Map<String, Q2> missing = new LinkedHashMap<>();
                for (Q2 q : requests) {
                    String key = Canonical.requestKey(q);
                    keys.add(key);
                    if (!answers.containsKey(key)) {
                        missing.putIfAbsent(key, q);
                    }
                }
                reusedResponses += keys.stream().distinct().filter(answers::containsKey).count();
                if (!missing.isEmpty()) {
                    List<String> missingKeys = new ArrayList<>(missing.keySet());
                    List<Q2> missingRequests = new ArrayList<>(missing.values());
                    sub.run(subKind, missingRequests, new SubExecution<>(subKind, sub, subModel, missingKeys,
                            missingRequests, answers));
                    long open = missingKeys.stream().filter(k -> !answers.containsKey(k)).count();
                    if (open > 0) {
                        throw new ProctorException("model " + sub.info().name() + " left " + open + " of "
                                + missingKeys.size() + " " + subKind.id() + " requests unanswered");
                    }
                }
                List<R2> out = new ArrayList<>(keys.size());
                keys.forEach(k -> out.add(answers.get(k)));
                return out;
            }

            @Override
            public int batchTokens() {
                return batchTokens;
            }

            @Override
            public void recordBatch(BatchStats batch) {
                Run.this.recordBatch(batch);
            }

            @Override
            public void recordPrefixTree(long tokens) {
                prefixTreeTokens += tokens;
            }

            @Override
            public void note(String key, String value) {
                notes.put(key, value);
            }
        }

        /** The execution of a model's own sub-requests: responses are stored and handed back, no item waits. */
        private final class SubExecution<A extends Response> extends BaseExecution<A> {
            private final String subModel;
            private final List<String> keys;
            private final List<? extends Request> requests;
            private final Map<String, A> answers;

            SubExecution(RequestKind<?, A> kind, Model runner, String subModel, List<String> keys,
                         List<? extends Request> requests, Map<String, A> answers) {
                super(kind, runner);
                this.subModel = subModel;
                this.keys = keys;
                this.requests = requests;
                this.answers = answers;
            }

            @Override
            public void completed(int[] indices, List<A> responses) {
                check(indices, responses, keys.size());
                List<NewResponse> fresh = new ArrayList<>(indices.length);
                for (int r = 0; r < indices.length; r++) {
                    String key = keys.get(indices[r]);
                    if (answers.containsKey(key)) {
                        throw new ProctorException("model " + runner.info().name() + " answered a " + kind.id()
                                + " request twice");
                    }
                    A response = checked(requests.get(indices[r]), responses.get(r));
                    answers.put(key, response);
                    fresh.add(new NewResponse(subModel, key, kind, response));
                }
                store.commit(fresh, List.of());
                computedResponses += fresh.size();
            }
        }
    }

    /** Checks a response against its request beyond what its own constructor checks. */
    private static final class Checks {
        private final Map<String, Integer> dimensions = new HashMap<>();
        private final Map<Corpus, Set<String>> corpusIds = new HashMap<>();

        void check(Model model, Request request, Response response) {
            if (response instanceof Embedding e) {
                String name = Canonical.modelKey(model.info());
                Integer seen = dimensions.putIfAbsent(name, e.vector().length);
                if (seen != null && seen != e.vector().length) {
                    throw new IllegalArgumentException("an embedding of " + e.vector().length + " components after"
                            + " ones of " + seen);
                }
            } else if (response instanceof Ranking ranking && request instanceof RetrieveRequest retrieve) {
                if (ranking.hits().size() > retrieve.topK()) {
                    throw new IllegalArgumentException(ranking.hits().size() + " documents for a request of the top "
                            + retrieve.topK());
                }
                Set<String> ids = corpusIds.computeIfAbsent(retrieve.corpus(), c -> {
                    Set<String> s = new HashSet<>();
                    c.passages().stream().map(Passage::id).forEach(s::add);
                    return s;
                });
                for (Ranking.Hit hit : ranking.hits()) {
                    if (!ids.contains(hit.docId())) {
                        throw new IllegalArgumentException("document " + hit.docId() + " is not in corpus "
                                + retrieve.corpus().name());
                    }
                }
            }
        }
    }
}
