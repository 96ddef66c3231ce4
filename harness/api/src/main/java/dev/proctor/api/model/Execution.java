package dev.proctor.api.model;

import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import java.util.List;

/**
 * The harness's side of one {@link Model#run} call: where responses go as they complete, and the way to ask
 * further requests (of the same model, or of a model it is composed of) through the same store.
 *
 * @param <A> the response type of the kind being run
 */
public interface Execution<A extends Response> {

    /**
     * Reports the responses to the requests at {@code indices} (positions in the list given to
     * {@link Model#run}). They are checked and stored before this returns: a model that is killed later loses none
     * of them.
     */
    void completed(int[] indices, List<A> responses);

    /** {@link #completed(int[], List)} for one request. */
    default void completed(int index, A response) {
        completed(new int[] {index}, List.of(response));
    }

    /**
     * Runs requests on {@code model} (this model itself, or one it is made of) through the harness: identical
     * requests run once, stored responses are not recomputed, and new ones are stored as they complete. A dense
     * retriever embeds its corpus this way, so its passage vectors are cached and survive a crash.
     *
     * @return the responses, in request order
     */
    <Q extends Request, R extends Response> List<R> run(Model model, RequestKind<Q, R> kind, List<Q> requests);

    /** The padded-token budget of one batch ({@code --batch-tokens}); results must not depend on it. */
    int batchTokens();

    /** Counts one model call, for the run's statistics and the speed benchmark. */
    void recordBatch(BatchStats batch);

    /**
     * Counts the tokens in the prefix tree of the sequences a call runs: each distinct prefix once, the fewest tokens
     * any cache could compute them in. The speed benchmark sets the tokens computed against it.
     */
    void recordPrefixTree(long tokens);

    /** A fact about how the requests were answered (e.g. an approximate search's measured recall), for the report. */
    void note(String key, String value);
}
