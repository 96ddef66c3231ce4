package dev.proctor.model.openai;

import dev.proctor.api.ProctorException;

/**
 * A request an endpoint did not answer usefully: after its retries, or at once when retrying cannot help (a 400, a
 * 401). The message names the endpoint and the status or fault; it never holds the API key.
 */
public final class ServerFailure extends ProctorException {
    /** How the endpoint failed: decides whether another endpoint may take the request. */
    public enum Kind {
        /** The endpoint could not be reached or kept failing (connections, timeouts, 5xx, 429): try another. */
        UNAVAILABLE,
        /** The endpoint refused the request itself (4xx): another endpoint would refuse it too. */
        REFUSED,
        /** The endpoint answered something that is not a valid response: never scored. */
        MALFORMED
    }

    private final Kind kind;

    public ServerFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
