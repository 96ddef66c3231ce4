package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one address into a {@code .part} file, resuming what an earlier attempt (or an earlier process) left
 * there with an HTTP Range request. It never decides whether the bytes are right: callers verify size and hash
 * before anything is renamed into place.
 */
public final class Downloader {
    /** Plain HTTP is accepted only from this machine (test servers, local mirrors); the data's hash is pinned anyway. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");
    private static final int DEFAULT_ATTEMPTS = 4;

    private final HttpClient client;
    private final int attempts;
    private final Duration retryPause;

    public Downloader(HttpClient client, int attempts, Duration retryPause) {
        this.client = client;
        this.attempts = attempts;
        this.retryPause = retryPause;
    }

    /** Follows redirects (never HTTPS to HTTP), honours the JVM's proxy settings, retries a dropped transfer. */
    public static Downloader standard() {
        return new Downloader(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .proxy(ProxySelector.getDefault())
                .build(), DEFAULT_ATTEMPTS, Duration.ofMillis(500));
    }

    /**
     * Brings {@code part} to the full content of {@code url}, appending to what it already holds.
     *
     * @param expectedBytes the locked size, or -1 when unknown (locking); a longer response is cut off at once
     * @param what          names the file in errors ("data/test/x.csv of dataset cmmlu")
     */
    public void download(URI url, Path part, long expectedBytes, String what) {
        checkScheme(url);
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                if (transfer(url, part, expectedBytes, what)) {
                    return;
                }
                last = null;
            } catch (IOException e) {
                last = e;
            }
            pause(attempt);
        }
        long have = sizeOf(part);
        throw new ProctorException("downloading " + url + " (" + what + ") failed " + attempts + " times"
                + (last == null ? "" : ", last with " + last) + "; " + have + " bytes are kept in " + part
                + " and the next fetch resumes from there", last);
    }

    /** One request. @return true when the part is complete; false when it must start over (range refused) */
    private boolean transfer(URI url, Path part, long expectedBytes, String what) throws IOException {
        long have = sizeOf(part);
        if (expectedBytes >= 0 && have == expectedBytes) {
            return true;
        }
        if (expectedBytes >= 0 && have > expectedBytes) {
            Files.delete(part);
            have = 0;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(Duration.ofMinutes(2));
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(request.build());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            boolean append;
            if (status == 206) {
                append = resumesAt(response, have);
                if (!append) {
                    // A range we did not ask for: start clean rather than stitch mismatched pieces.
                    Files.deleteIfExists(part);
                    return false;
                }
            } else if (status == 200) {
                append = false; // the server ignored the range (or none was asked): its body is the whole file
            } else if (status == 416) {
                Files.deleteIfExists(part); // what we hold is longer than the file: it is not a prefix of it
                return false;
            } else if (status == 404) {
                throw new ProctorException("not found (HTTP 404): " + url + " for " + what
                        + "; the lock's source address may be wrong or the file was removed");
            } else {
                throw new ProctorException("HTTP " + status + " from " + url + " for " + what);
            }
            Files.createDirectories(part.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                copy(body, out, append ? have : 0, expectedBytes, url, what);
            }
            long got = sizeOf(part);
            if (expectedBytes >= 0 && got < expectedBytes) {
                throw new IOException("the transfer ended after " + got + " of " + expectedBytes + " bytes");
            }
            return true;
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProctorException("interrupted while downloading " + request.uri(), e);
        }
    }

    /** Writes as bytes arrive, so a dropped connection keeps what came; refuses to grow past the locked size. */
    private static void copy(InputStream body, OutputStream out, long start, long expectedBytes, URI url, String what)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = start;
        for (int n; (n = body.read(buffer)) > 0; ) {
            total += n;
            if (expectedBytes >= 0 && total > expectedBytes) {
                throw new ProctorException(url + " (" + what + ") sends more than the locked " + expectedBytes
                        + " bytes: refusing it");
            }
            out.write(buffer, 0, n);
        }
    }

    private static boolean resumesAt(HttpResponse<?> response, long have) {
        Optional<String> range = response.headers().firstValue("Content-Range");
        if (range.isEmpty()) {
            return false;
        }
        Matcher m = CONTENT_RANGE.matcher(range.get().trim());
        return m.matches() && Long.parseLong(m.group(1)) == have;
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
