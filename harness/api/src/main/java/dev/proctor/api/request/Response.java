package dev.proctor.api.request;

import java.util.Map;

/** A model's answer to one {@link Request}. Responses are values, stored as they arrive. */
public sealed interface Response permits Loglikelihood, Generation, Embedding, Ranking, Prediction,
        TokenStatistics {

    /** The response as JSON values, for samples.jsonl. */
    Map<String, Object> describe();
}
