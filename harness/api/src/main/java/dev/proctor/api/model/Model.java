package dev.proctor.api.model;

import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded model, as the evaluator sees it: what it is ({@link #info()}), which request kinds it serves
 * ({@link #capabilities()}), and how it answers a list of requests of one kind. How it groups them into batches
 * or calls is its own business; it reports each response through the {@link Execution} as soon as it has it, so
 * the harness can store it. Not thread-safe: the scheduler calls it from one thread.
 */
public interface Model extends AutoCloseable {

    ModelInfo info();

    /** The request kinds this model answers; a task that needs any other is refused before data is read. */
    Set<RequestKind<?, ?>> capabilities();

    /**
     * Answers every request, each exactly once, through {@code execution.completed}. Called only with a kind in
     * {@link #capabilities()}. Identical requests have already been merged and stored ones removed.
     *
     * @throws dev.proctor.api.ProctorException when the model fails; responses already reported are kept
     */
    <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests, Execution<A> execution);

    /**
     * Why the model does not serve a kind it could in principle (a server that returns no prompt log-probabilities),
     * for the refusal message; empty when there is nothing more to say.
     */
    default Optional<String> whyNot(RequestKind<?, ?> kind) {
        return Optional.empty();
    }

    /** The model's tokenizer, where it has one: prompts are fitted to its context with it. */
    default Optional<Tokenizer> tokenizer() {
        return Optional.empty();
    }

    @Override
    void close();
}
