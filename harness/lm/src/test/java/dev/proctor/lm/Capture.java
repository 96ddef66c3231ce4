package dev.proctor.lm;

import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import java.util.ArrayList;
import java.util.List;

/** An execution that keeps what a model reports: responses by request index, and each reported batch. */
final class Capture<A extends Response> implements Execution<A> {
    final Object[] responses;
    final List<int[]> reports = new ArrayList<>();
    final List<BatchStats> batches = new ArrayList<>();
    private final int budget;

    Capture(int requests, int budget) {
        this.responses = new Object[requests];
        this.budget = budget;
    }

    @SuppressWarnings("unchecked")
    A get(int i) {
        return (A) responses[i];
    }

    @Override
    public void completed(int[] indices, List<A> answers) {
        reports.add(indices.clone());
        for (int i = 0; i < indices.length; i++) {
            if (responses[indices[i]] != null) {
                throw new AssertionError("request " + indices[i] + " answered twice");
            }
            responses[indices[i]] = answers.get(i);
        }
    }

    @Override
    public <Q extends Request, R extends Response> List<R> run(Model model, RequestKind<Q, R> kind, List<Q> requests) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int batchTokens() {
        return budget;
    }

    @Override
    public void recordBatch(BatchStats batch) {
        batches.add(batch);
    }

    @Override
    public void note(String key, String value) {
    }
}
