package dev.proctor.model.openai;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;

/**
 * When to retry a request and how long to wait, as the OpenAI Python SDK does (openai-python _base_client.py):
 * connection errors, timeouts, 408, 409, 429 and 5xx are retried; an {@code x-should-retry} header overrides; a
 * {@code retry-after-ms} or {@code retry-after} (seconds or an HTTP date) between 0 and 120 s is honoured, a longer one
 * is not retried at all; otherwise the delay is {@code min(0.5 * 2^n, 8) * (1 - 0.25 * random)} seconds. Malformed
 * responses (cut-off JSON) are retried too: a server under load can cut a body short, and the retry is cheap.
 *
 * @param maxRetries retries after the first attempt
 */
public record RetryPolicy(int maxRetries) {
    static final double INITIAL_SECONDS = 0.5;
    static final double MAX_SECONDS = 8.0;
    static final double MAX_RETRY_AFTER_SECONDS = 120.0;

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, was " + maxRetries);
        }
    }

    /** Whether a status is worth another attempt (without a header saying otherwise). */
    static boolean retryable(int status, HttpHeaders headers) {
        Optional<String> should = headers.firstValue("x-should-retry");
        if (should.isPresent()) {
            return should.get().equals("true");
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * The wait before retry number {@code retry} (0-based), or empty when the server asks for longer than the SDK
     * waits (then the request is not retried).
     */
    static Optional<Duration> delay(int retry, HttpHeaders headers, Random random) {
        Optional<Double> asked = retryAfterSeconds(headers);
        if (asked.isPresent()) {
            double s = asked.get();
            if (s > MAX_RETRY_AFTER_SECONDS) {
                return Optional.empty();
            }
            if (s >= 0) {
                return Optional.of(Duration.ofMillis(Math.round(s * 1000)));
            }
        }
        double seconds = Math.min(INITIAL_SECONDS * Math.pow(2, retry), MAX_SECONDS) * (1 - 0.25 * random.nextDouble());
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    static Optional<Double> retryAfterSeconds(HttpHeaders headers) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Optional.of(Double.parseDouble(ms.get()) / 1000);
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        Optional<String> after = headers.firstValue("retry-after");
        if (after.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(after.get()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(after.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis() / 1000.0);
            } catch (RuntimeException unparsable) {
                return Optional.empty();
            }
        }
    }
}
