package dev.proctor.cli;

import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.model.Tokenizer;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Test-only scheme {@code slow:SPEC}: any model, pausing after each batch it reports, so that a test can kill the
 * process while a run is surely in the middle. It is the model it wraps in every other way, its identity included,
 * so the store cannot tell them apart.
 */
public final class SlowProvider implements ModelProvider {
    private static final long PAUSE_MILLIS = 40;

    @Override
    public String scheme() {
        return "slow";
    }

    @Override
    public String description() {
        return "test only: another model, slowed down";
    }

    @Override
    public Model load(ModelSpec spec, ModelOpener opener) {
        return slow(opener.open(spec.component(spec.location())));
    }

    /** The model, pausing after each batch, its sub-requests (a retriever's corpus embeddings) too. */
    static Model slow(Model real) {
        return new Model() {
            @Override
            public ModelInfo info() {
                return real.info();
            }

            @Override
            public Set<RequestKind<?, ?>> capabilities() {
                return real.capabilities();
            }

            @Override
            public Optional<Tokenizer> tokenizer() {
                return real.tokenizer();
            }

            @Override
            public <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests,
                                                                    Execution<A> execution) {
                real.run(kind, requests, new Execution<A>() {
                    @Override
                    public void completed(int[] indices, List<A> responses) {
                        execution.completed(indices, responses);
                        pause();
                    }

                    @Override
                    public <Q2 extends Request, R extends Response> List<R> run(Model model, RequestKind<Q2, R> k,
                                                                               List<Q2> r) {
                        return execution.run(slow(model), k, r);
                    }

                    @Override
                    public int batchTokens() {
                        return execution.batchTokens();
                    }

                    @Override
                    public void recordBatch(BatchStats batch) {
                        execution.recordBatch(batch);
                    }

                    @Override
                    public void recordPrefixTree(long tokens) {
                        execution.recordPrefixTree(tokens);
                    }

                    @Override
                    public void note(String key, String value) {
                        execution.note(key, value);
                    }
                });
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
