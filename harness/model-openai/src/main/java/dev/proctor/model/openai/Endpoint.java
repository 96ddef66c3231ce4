package dev.proctor.model.openai;

import java.net.URI;

/**
 * One server: its base URL (up to and including {@code /v1}), its concurrency limit and whether it is resting after
 * failing. A resting endpoint gets no work until its pause is over, then one request probes it again.
 */
final class Endpoint {
    private static final long FIRST_PAUSE_NANOS = 1_000_000_000L;
    private static final long LONGEST_PAUSE_NANOS = 30_000_000_000L;

    private final URI base;
    private final AdaptiveLimit limit;
    private long restingUntil;
    private long pause = FIRST_PAUSE_NANOS;
    private boolean resting;

    Endpoint(URI base, int maxConcurrency) {
        this.base = base;
        this.limit = new AdaptiveLimit(Math.min(4, maxConcurrency), maxConcurrency);
    }

    /** {@code http://host:8000/v1} from {@code http://host:8000}, {@code http://host:8000/} or with {@code /v1}. */
    static URI base(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (!u.endsWith("/v1")) {
            u = u + "/v1";
        }
        URI uri = URI.create(u);
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http(s) URL such as http://host:8000");
        }
        return uri;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    AdaptiveLimit limit() {
        return limit;
    }

    /** Whether it may take work now (a resting endpoint whose pause is over takes one request as a probe). */
    synchronized boolean available(long now) {
        if (resting && now >= restingUntil) {
            resting = false;
            limit.restart();
        }
        return !resting;
    }

    /**
     * It failed: rest, each time longer, up to 30 s. Failures of requests already in flight when it began to rest
     * belong to the same outage and do not lengthen the pause.
     */
    synchronized void rest(long now) {
        if (resting) {
            return;
        }
        resting = true;
        restingUntil = now + pause;
        pause = Math.min(LONGEST_PAUSE_NANOS, pause * 2);
    }

    /** It answered: the next failure rests it only briefly again. */
    synchronized void recovered() {
        pause = FIRST_PAUSE_NANOS;
    }

    synchronized boolean resting() {
        return resting;
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
