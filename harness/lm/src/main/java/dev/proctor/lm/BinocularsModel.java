package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.Tokenizer;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.request.TokenStatistics;
import dev.proctor.api.request.TokenStatisticsRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two causal LMs with one tokenizer as one model, in Binoculars' roles: the observer and the performer. It answers
 * token-statistics requests with the performer's log-probabilities, ranks and entropies and, per position, the
 * cross-entropy of the observer's distribution against the performer's; nothing else.
 */
public final class BinocularsModel implements Model {
    /** A probe whose ids two tokenizers must agree on before their models are paired. */
    static final String TOKENIZER_PROBE = "The quick brown fox, 1234 — 天地玄黄 <|endoftext|>\n\t!";

    private final CausalLmModel observer;
    private final CausalLmModel performer;
    private final ModelInfo info;

    public BinocularsModel(CausalLmModel observer, CausalLmModel performer) {
        this.observer = observer;
        this.performer = performer;
        requireSameTokenizer(observer.lm(), performer.lm());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("observer", observer.info().asComponent());
        identity.put("performer", performer.info().asComponent());
        this.info = new ModelInfo("binoculars(" + observer.info().name() + "+" + performer.info().name() + ")",
                "causal LM pair (observer, performer)", observer.info().engine(), observer.info().device(), identity);
    }

    /** Binoculars' assert_tokenizer_consistency, as far as ids show it: the same ids for a probe, the same limits. */
    private static void requireSameTokenizer(CausalLm observer, CausalLm performer) {
        LmTokenizer a = observer.tokenizer();
        LmTokenizer b = performer.tokenizer();
        if (!java.util.Arrays.equals(a.encode(TOKENIZER_PROBE), b.encode(TOKENIZER_PROBE))
                || a.eosTokenId() != b.eosTokenId() || !a.addedBos().equals(b.addedBos())) {
            throw new ProctorException("the observer " + observer.info().name() + " and the performer "
                    + performer.info().name() + " tokenize differently; Binoculars compares two models' distributions"
                    + " token by token, so they must share a tokenizer");
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Set<RequestKind<?, ?>> capabilities() {
        return Set.of(RequestKind.TOKEN_STATISTICS);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests,
                                                            Execution<A> execution) {
        if (kind != RequestKind.TOKEN_STATISTICS) {
            throw new IllegalArgumentException(info.name() + " does not serve " + kind.id());
        }
        new TokenStatisticsRunner(performer.lm(), observer.lm()).run((List<TokenStatisticsRequest>) requests,
                (Execution<TokenStatistics>) execution);
    }

    @Override
    public Optional<String> whyNot(RequestKind<?, ?> kind) {
        return Optional.of("a Binoculars pair answers only token statistics");
    }

    @Override
    public Optional<Tokenizer> tokenizer() {
        return performer.tokenizer();
    }

    @Override
    public void close() {
        try (observer) {
            performer.close();
        }
    }
}
