package dev.proctor.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * JSON over HTTP to one endpoint with the JDK's client, retried by {@link RetryPolicy}. The API key goes only into the
 * {@code Authorization} header; no message built here ever contains it.
 */
final class HttpApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final RetryPolicy retries;
    private final Random jitter = new Random();

    HttpApi(Optional<String> apiKey, Duration timeout, RetryPolicy retries) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.retries = retries;
    }

    JsonNode get(Endpoint endpoint, String path) {
        return send(endpoint, path, HttpRequest.newBuilder(endpoint.uri(path)).GET());
    }

    JsonNode post(Endpoint endpoint, String path, ObjectNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(endpoint, path, HttpRequest.newBuilder(endpoint.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private JsonNode send(Endpoint endpoint, String path, HttpRequest.Builder builder) {
        builder.timeout(timeout);
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        HttpRequest request = builder.build();
        String last = null;
        ServerFailure.Kind lastKind = ServerFailure.Kind.UNAVAILABLE;
        HttpHeaders lastHeaders = HttpHeaders.of(Map.of(), (a, b) -> true);
        for (int attempt = 0; attempt <= retries.maxRetries(); attempt++) {
            if (attempt > 0) {
                Optional<Duration> wait = RetryPolicy.delay(attempt - 1, lastHeaders, jitter);
                if (wait.isEmpty()) {
                    break; // the server asked for longer than the SDK waits
                }
                sleep(wait.get());
            }
            boolean overloaded = false;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                lastHeaders = response.headers();
                overloaded = status == 429 || status == 503;
                if (status / 100 == 2) {
                    try {
                        JsonNode body = JSON.readTree(response.body());
                        if (body == null || !body.isObject()) {
                            throw new IOException("not a JSON object");
                        }
                        endpoint.recovered();
                        return body;
                    } catch (IOException e) {
                        last = endpoint + path + " answered HTTP " + status + " with a body that is not valid JSON ("
                                + brief(response.body()) + ")";
                        lastKind = ServerFailure.Kind.UNAVAILABLE; // a body cut short: a transport failure
                        continue;
                    }
                }
                last = endpoint + path + " answered HTTP " + status + ": " + errorMessage(response.body());
                if (!RetryPolicy.retryable(status, response.headers())) {
                    throw new ServerFailure(ServerFailure.Kind.REFUSED, last);
                }
                lastKind = ServerFailure.Kind.UNAVAILABLE;
            } catch (HttpTimeoutException e) {
                overloaded = true;
                last = endpoint + path + " did not answer within " + timeout.toSeconds() + " s";
                lastKind = ServerFailure.Kind.UNAVAILABLE;
            } catch (IOException e) {
                last = endpoint + path + " could not be reached or closed the connection (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                lastKind = ServerFailure.Kind.UNAVAILABLE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerFailure(ServerFailure.Kind.UNAVAILABLE, "interrupted while waiting for " + endpoint);
            } finally {
                endpoint.limit().observe(overloaded);
            }
        }
        int attempts = retries.maxRetries() + 1;
        throw new ServerFailure(lastKind, last + " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)"));
    }

    /** The server's own error message from an OpenAI/vLLM error envelope, else the start of the body. */
    static String errorMessage(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode message = json == null ? null : json.at("/error/message");
            if (message != null && message.isTextual()) {
                return message.asText();
            }
        } catch (IOException ignored) {
            // not JSON: show its start
        }
        return brief(body);
    }

    private static String brief(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "an empty body" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerFailure(ServerFailure.Kind.UNAVAILABLE, "interrupted");
        }
    }
}
