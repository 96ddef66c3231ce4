package dev.proctor.lm;

import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.Tokenizer;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.request.TokenStatistics;
import dev.proctor.api.request.TokenStatisticsRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A token-level causal LM as a {@link Model}: it serves log-likelihood ({@link LoglikelihoodRunner}), greedy
 * generation ({@link GreedyGenerator}) and a text's token statistics ({@link TokenStatisticsRunner}), the same way
 * for every backend.
 */
public final class CausalLmModel implements Model {
    private static final Set<RequestKind<?, ?>> CAPABILITIES = Set.of(RequestKind.LOGLIKELIHOOD, RequestKind.GENERATE,
            RequestKind.TOKEN_STATISTICS);

    private final CausalLm lm;

    public CausalLmModel(CausalLm lm) {
        this.lm = lm;
    }

    @Override
    public ModelInfo info() {
        return lm.info();
    }

    @Override
    public Set<RequestKind<?, ?>> capabilities() {
        return CAPABILITIES;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests,
                                                            Execution<A> execution) {
        if (kind == RequestKind.LOGLIKELIHOOD) {
            LoglikelihoodRunner.run(lm, (List<LoglikelihoodRequest>) requests, (Execution<Loglikelihood>) execution);
        } else if (kind == RequestKind.GENERATE) {
            GreedyGenerator.run(lm, (List<GenerateRequest>) requests, (Execution<Generation>) execution);
        } else if (kind == RequestKind.TOKEN_STATISTICS) {
            new TokenStatisticsRunner(lm, null).run((List<TokenStatisticsRequest>) requests,
                    (Execution<TokenStatistics>) execution);
        } else {
            throw new IllegalArgumentException(lm.info().name() + " does not serve " + kind.id());
        }
    }

    @Override
    public Optional<Tokenizer> tokenizer() {
        return Optional.of(lm.tokenizer());
    }

    /** The token-level model underneath. */
    public CausalLm lm() {
        return lm;
    }

    @Override
    public void close() {
        lm.close();
    }
}
