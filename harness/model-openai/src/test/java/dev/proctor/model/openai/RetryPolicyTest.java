package dev.proctor.model.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The OpenAI Python SDK's retry rules (openai-python _base_client.py), rule by rule. */
class RetryPolicyTest {
    private static HttpHeaders headers(Map<String, String> h) {
        Map<String, List<String>> m = new java.util.HashMap<>();
        h.forEach((k, v) -> m.put(k, List.of(v)));
        return HttpHeaders.of(m, (a, b) -> true);
    }

    private static final HttpHeaders NONE = headers(Map.of());

    @Test
    void retriesConnectionLikeStatusesAndHonoursXShouldRetry() {
        for (int status : new int[] {408, 409, 429, 500, 502, 503}) {
            assertTrue(RetryPolicy.retryable(status, NONE), "" + status);
        }
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            assertFalse(RetryPolicy.retryable(status, NONE), "" + status);
        }
        assertFalse(RetryPolicy.retryable(503, headers(Map.of("x-should-retry", "false"))));
        assertTrue(RetryPolicy.retryable(400, headers(Map.of("x-should-retry", "true"))));
    }

    @Test
    void backoffIsHalfASecondDoublingToEightWithUpToAQuarterJitter() {
        Random random = new Random(3);
        for (int retry = 0; retry < 8; retry++) {
            double nominal = Math.min(0.5 * Math.pow(2, retry), 8);
            for (int k = 0; k < 50; k++) {
                double s = RetryPolicy.delay(retry, NONE, random).orElseThrow().toMillis() / 1000.0;
                assertTrue(s <= nominal + 1e-3 && s >= 0.75 * nominal - 1e-3, retry + ": " + s);
            }
        }
    }

    @Test
    void retryAfterHeadersAreHonouredUpToTwoMinutesAndLongerMeansNoRetry() {
        Random random = new Random(1);
        assertEquals(Optional.of(Duration.ofMillis(250)),
                RetryPolicy.delay(0, headers(Map.of("retry-after-ms", "250", "retry-after", "9")), random));
        assertEquals(Optional.of(Duration.ofSeconds(3)), RetryPolicy.delay(0, headers(Map.of("retry-after", "3")),
                random));
        assertEquals(Optional.empty(), RetryPolicy.delay(0, headers(Map.of("retry-after", "121")), random));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        long ms = RetryPolicy.delay(0, headers(Map.of("retry-after", date)), random).orElseThrow().toMillis();
        assertTrue(ms > 25_000 && ms <= 30_000, "an HTTP date 30 s ahead: " + ms);
    }
}
