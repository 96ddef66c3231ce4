package dev.proctor.model.search;

import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.request.RetrieveRequest;
import java.util.List;
import java.util.Set;

/** A model that serves retrieval only: the one request kind, typed once here. */
public abstract class Retriever implements Model {

    @Override
    public final Set<RequestKind<?, ?>> capabilities() {
        return Set.of(RequestKind.RETRIEVE);
    }

    @Override
    @SuppressWarnings("unchecked") // the kind's types are checked by RequestKind's identity
    public final <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests,
                                                                  Execution<A> execution) {
        if (kind != RequestKind.RETRIEVE) {
            throw new IllegalArgumentException(info().name() + " does not serve " + kind.id());
        }
        retrieve((List<RetrieveRequest>) requests, (Execution<Ranking>) execution);
    }

    /** Answers each request with its ranking, reporting completed ones to {@code execution} as they finish. */
    protected abstract void retrieve(List<RetrieveRequest> requests, Execution<Ranking> execution);
}
