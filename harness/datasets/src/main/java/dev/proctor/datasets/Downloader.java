package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one address into a {@code .part} file, resuming what an earlier attempt (or an earlier process) left
 * there with an HTTP Range request. A dropped or stalled transfer is retried from where it stopped. It never
 * decides whether the bytes are right: callers verify size and hash before anything is renamed into place.
 */
public final class Downloader {
    /** Plain HTTP is accepted only from this machine (test servers, local mirrors); the data's hash is pinned anyway. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");
    private static final int DEFAULT_ATTEMPTS = 4;
    private static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);

    private final HttpClient client;
    private final int attempts;
    private final Duration retryPause;
    private final Duration idleTimeout;

    /**
     * @param attempts    requests per file before giving up (each resumes the last)
     * @param retryPause  wait before the n-th retry: n times this
     * @param idleTimeout no bytes for this long, or no answer for this long, counts as a dropped connection
     */
    public Downloader(HttpClient client, int attempts, Duration retryPause, Duration idleTimeout) {
        this.client = client;
        this.attempts = attempts;
        this.retryPause = retryPause;
        this.idleTimeout = idleTimeout;
    }

    /** Follows redirects (never HTTPS to HTTP), honours the JVM's proxy settings, retries a dropped transfer. */
    public static Downloader standard() {
        return new Downloader(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .proxy(ProxySelector.getDefault())
                .build(), DEFAULT_ATTEMPTS, Duration.ofMillis(500), DEFAULT_IDLE);
    }

    /**
     * Brings {@code part} to the full content of {@code url}, appending to what it already holds.
     *
     * @param expectedBytes the locked size, or -1 when unknown (locking); a longer response is cut off at once
     * @param what          names the file in errors ("data/test/x.csv of dataset cmmlu")
     */
    public void download(URI url, Path part, long expectedBytes, String what) {
        checkScheme(url);
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                if (transfer(url, part, expectedBytes, what)) {
                    return;
                }
                last = null;
            } catch (IOException | TimeoutException e) {
                last = e;
            }
            pause(attempt);
        }
        long kept = sizeOf(part);
        throw new ProctorException("downloading " + url + " (" + what + ") failed " + attempts + " times"
                + (last == null ? "" : ", last with " + describe(last))
                + (kept > 0 ? "; " + kept + " bytes are kept in " + part + " and the next fetch resumes from there" : ""),
                last);
    }

    /** One request. @return true when the part is complete; false when it must start over (range refused) */
    private boolean transfer(URI url, Path part, long expectedBytes, String what) throws IOException, TimeoutException {
        long have = sizeOf(part);
        if (expectedBytes >= 0 && have == expectedBytes) {
            return true;
        }
        if (expectedBytes >= 0 && have > expectedBytes) {
            Files.delete(part);
            have = 0;
        }
        Files.createDirectories(part.toAbsolutePath().getParent());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(idleTimeout);
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        long resumeAt = have;
        String tooLong = url + " (" + what + ") sends more than the locked " + expectedBytes + " bytes: refusing it";
        AtomicReference<FileBodySubscriber> body = new AtomicReference<>();
        HttpResponse.BodyHandler<Long> handler = info -> {
            boolean append = info.statusCode() == 206 && resumesAt(info.headers().firstValue("Content-Range"), resumeAt);
            if (append || info.statusCode() == 200) {
                try {
                    // A 200 is the whole file, whether or not a range was asked: start the part over.
                    body.set(new FileBodySubscriber(part, append, expectedBytes, tooLong));
                    return body.get();
                } catch (IOException e) {
                    throw new ProctorException("cannot write " + part + ": " + e.getMessage(), e);
                }
            }
            return HttpResponse.BodySubscribers.replacing(-1L);
        };
        HttpResponse<Long> response = await(client.sendAsync(request.build(), handler), body);
        int status = response.statusCode();
        if (status == 206 && body.get() == null) {
            Files.deleteIfExists(part); // a range we did not ask for: start clean rather than stitch mismatched pieces
            return false;
        }
        if (status == 416) {
            Files.deleteIfExists(part); // what we hold is longer than the file: it is not a prefix of it
            return false;
        }
        if (status == 404) {
            throw new ProctorException("not found (HTTP 404): " + url + " for " + what
                    + "; the lock's source address may be wrong or the file was removed");
        }
        if (body.get() == null) {
            throw new ProctorException("HTTP " + status + " from " + url + " for " + what);
        }
        // The server finished its answer: a short file is the file it has, and fails verification, not a retry.
        return true;
    }

    /** Waits for the response, cutting the transfer off when no bytes came for {@code idleTimeout}. */
    private HttpResponse<Long> await(CompletableFuture<HttpResponse<Long>> response,
            AtomicReference<FileBodySubscriber> body) throws IOException, TimeoutException {
        long tick = Math.max(10, Math.min(1000, idleTimeout.toMillis() / 4));
        while (true) {
            try {
                return response.get(tick, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                FileBodySubscriber b = body.get();
                if (b != null && b.idleNanos() > idleTimeout.toNanos()) {
                    TimeoutException stalled = new TimeoutException("no bytes for " + idleTimeout.toSeconds() + " s");
                    b.cancel(stalled);
                    throw stalled;
                }
            } catch (InterruptedException e) {
                response.cancel(true);
                Thread.currentThread().interrupt();
                throw new ProctorException("interrupted while downloading", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof ProctorException p) {
                    throw p;
                }
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException(cause);
            }
        }
    }

    private static boolean resumesAt(Optional<String> contentRange, long have) {
        if (contentRange.isEmpty()) {
            return false;
        }
        Matcher m = CONTENT_RANGE.matcher(contentRange.get().trim());
        return m.matches() && Long.parseLong(m.group(1)) == have;
    }

    /** {@code ConnectException} alone says little; its class and message together do. */
    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static void checkScheme(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && url.getHost() != null && LOOPBACK.contains(url.getHost().toLowerCase(Locale.ROOT))) {
            return;
        }
        throw new ProctorException("refusing to download " + url + ": only https addresses are fetched"
                + " (plain http only from this machine)");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new ProctorException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void pause(int attempt) {
        if (attempt >= attempts || retryPause.isZero()) {
            return;
        }
        try {
            Thread.sleep(retryPause.toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProctorException("interrupted while waiting to retry a download", e);
        }
    }
}
