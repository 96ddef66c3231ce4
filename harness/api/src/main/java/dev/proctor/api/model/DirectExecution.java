package dev.proctor.api.model;

import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a model outside the harness, with no store and no reuse: responses are kept in memory by request position,
 * and what the model reports (each completion, each batch, its notes) is kept for inspection. For benchmarks of a
 * model alone and for tests of a model's own batching; evaluations go through the harness's scheduler.
 *
 * @param <A> the response type of the kind being run
 */
public final class DirectExecution<A extends Response> implements Execution<A> {
    private final Object[] responses;
    private final int batchTokens;
    private final List<int[]> completions = new ArrayList<>();
    private final List<BatchStats> batches = new ArrayList<>();
    private long prefixTreeTokens;
    private final Map<String, String> notes = new LinkedHashMap<>();

    public DirectExecution(int requests, int batchTokens) {
        this.responses = new Object[requests];
        this.batchTokens = batchTokens;
    }

    /** Runs {@code requests} on {@code model} and returns the execution, every request answered. */
    public static <Q extends Request, A extends Response> DirectExecution<A> run(Model model, RequestKind<Q, A> kind,
                                                                                  List<Q> requests, int batchTokens) {
        DirectExecution<A> execution = new DirectExecution<>(requests.size(), batchTokens);
        model.run(kind, requests, execution);
        for (int i = 0; i < requests.size(); i++) {
            if (execution.responses[i] == null) {
                throw new IllegalStateException(model.info().name() + " returned without answering request " + i);
            }
        }
        return execution;
    }

    @Override
    public void completed(int[] indices, List<A> answers) {
        if (indices.length != answers.size()) {
            throw new IllegalStateException(indices.length + " indices for " + answers.size() + " responses");
        }
        completions.add(indices.clone());
        for (int i = 0; i < indices.length; i++) {
            if (responses[indices[i]] != null) {
                throw new IllegalStateException("request " + indices[i] + " answered twice");
            }
            responses[indices[i]] = answers.get(i);
        }
    }

    @Override
    public <Q extends Request, R extends Response> List<R> run(Model model, RequestKind<Q, R> kind, List<Q> requests) {
        DirectExecution<R> sub = run(model, kind, requests, batchTokens);
        batches.addAll(sub.batches);
        prefixTreeTokens += sub.prefixTreeTokens;
        notes.putAll(sub.notes);
        return sub.responses();
    }

    @Override
    public int batchTokens() {
        return batchTokens;
    }

    @Override
    public void recordBatch(BatchStats batch) {
        batches.add(batch);
    }

    @Override
    public void recordPrefixTree(long tokens) {
        prefixTreeTokens += tokens;
    }

    /** The prefix-tree tokens recorded, sub-runs included. */
    public long prefixTreeTokens() {
        return prefixTreeTokens;
    }

    @Override
    public void note(String key, String value) {
        notes.put(key, value);
    }

    /** The response to request {@code i}, or null while it is unanswered. */
    @SuppressWarnings("unchecked") // only completed(int[], List<A>) writes the array
    public A get(int i) {
        return (A) responses[i];
    }

    /** Every response, in request order. */
    public List<A> responses() {
        List<A> out = new ArrayList<>(responses.length);
        for (int i = 0; i < responses.length; i++) {
            out.add(get(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** The request positions of each {@link #completed} call, in call order. */
    public List<int[]> completions() {
        return completions.stream().map(int[]::clone).toList();
    }

    public List<BatchStats> batches() {
        return List.copyOf(batches);
    }

    public Map<String, String> notes() {
        return Collections.unmodifiableMap(notes);
    }

    @Override
    public String toString() {
        return "DirectExecution" + Arrays.toString(responses);
    }
}
