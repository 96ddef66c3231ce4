package dev.proctor.api.request;

import dev.proctor.api.UnknownNameException;
import java.util.List;
import java.util.Objects;

/**
 * A kind of request a task makes and a model serves, with the types of its request and response. The set is
 * closed: a task and a model meet only through these kinds, so a task that needs a kind a model does not serve is
 * refused before anything runs.
 *
 * @param <Q> the request type
 * @param <A> the response type
 */
public final class RequestKind<Q extends Request, A extends Response> {
    /** Log-likelihood of a continuation given a context (lm-evaluation-harness's {@code loglikelihood}). */
    public static final RequestKind<LoglikelihoodRequest, Loglikelihood> LOGLIKELIHOOD = new RequestKind<>(
            "loglikelihood", LoglikelihoodRequest.class, Loglikelihood.class,
            "log-likelihood of a continuation given a context (or of its first token only)");
    /** Greedy generation until a stop string or a token limit (lm-evaluation-harness's {@code generate_until}). */
    public static final RequestKind<GenerateRequest, Generation> GENERATE = new RequestKind<>(
            "generate", GenerateRequest.class, Generation.class,
            "greedy generation until a stop string or a new-token limit");
    /** A text's vector, as a query or as a passage (MTEB's {@code encode} with a prompt type). */
    public static final RequestKind<EmbedRequest, Embedding> EMBED = new RequestKind<>(
            "embed", EmbedRequest.class, Embedding.class, "a unit vector of a text, as a query or as a passage");
    /** The best documents of a corpus for a query. */
    public static final RequestKind<RetrieveRequest, Ranking> RETRIEVE = new RequestKind<>(
            "retrieve", RetrieveRequest.class, Ranking.class, "the top documents of a corpus for a query");
    /** A label with a score, or boxes, for one input. */
    public static final RequestKind<PredictRequest, Prediction> PREDICT = new RequestKind<>(
            "predict", PredictRequest.class, Prediction.class, "a label with its score, or labelled boxes");

    /** Per-token log-probabilities, log-ranks, entropies (and a model pair's cross-entropies) of a whole text. */
    public static final RequestKind<TokenStatisticsRequest, TokenStatistics> TOKEN_STATISTICS = new RequestKind<>(
            "token-statistics", TokenStatisticsRequest.class, TokenStatistics.class,
            "per-token log-probability, log-rank and entropy of a text (and a model pair's cross-entropy)");

    private static final List<RequestKind<?, ?>> ALL = List.of(LOGLIKELIHOOD, GENERATE, EMBED, RETRIEVE, PREDICT,
            TOKEN_STATISTICS);

    private final String id;
    private final Class<Q> requestType;
    private final Class<A> responseType;
    private final String description;

    private RequestKind(String id, Class<Q> requestType, Class<A> responseType, String description) {
        this.id = id;
        this.requestType = requestType;
        this.responseType = responseType;
        this.description = description;
    }

    /** Every kind, in a fixed order (the order the scheduler runs them in). */
    public static List<RequestKind<?, ?>> all() {
        return ALL;
    }

    public static RequestKind<?, ?> of(String id) {
        for (RequestKind<?, ?> kind : ALL) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new UnknownNameException("request kind", id, ALL.stream().map(RequestKind::id).toList());
    }

    public String id() {
        return id;
    }

    public Class<Q> requestType() {
        return requestType;
    }

    public Class<A> responseType() {
        return responseType;
    }

    public String description() {
        return description;
    }

    /** The request as this kind's type; a request of another kind is a bug in the caller. */
    public Q cast(Request request) {
        return requestType.cast(Objects.requireNonNull(request, "request"));
    }

    /** The response as this kind's type, or an error naming what came instead. */
    public A castResponse(Object response) {
        if (!responseType.isInstance(response)) {
            throw new IllegalArgumentException("a " + id + " request was answered with "
                    + (response == null ? "nothing" : response.getClass().getSimpleName()) + ", expected "
                    + responseType.getSimpleName());
        }
        return responseType.cast(response);
    }

    @Override
    public String toString() {
        return id;
    }
}
