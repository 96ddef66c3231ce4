package dev.proctor.api.request;

import java.util.Map;

/**
 * One thing a task asks of a model. A request is a value: two equal requests get the same response, so the
 * scheduler runs them once, and a stored response is found again by a hash of {@link #describe()}.
 */
public sealed interface Request
        permits LoglikelihoodRequest, GenerateRequest, EmbedRequest, RetrieveRequest, PredictRequest,
        TokenStatisticsRequest {

    RequestKind<?, ?> kind();

    /**
     * Everything that decides the response, as JSON values only (strings, numbers, booleans, lists, maps): written
     * to samples.jsonl and, canonically serialised, hashed into the request's key. Large inputs a request only
     * refers to (a corpus) appear by their hash.
     */
    Map<String, Object> describe();
}
