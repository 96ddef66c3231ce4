package dev.proctor.datasets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 (port chosen by the OS) serving fixture bytes, with the faults the fetcher must
 * survive: a connection dropped or stalled mid-file, a server that ignores Range, and 404 for anything not put.
 */
final class FixtureServer implements AutoCloseable {
    /** What the server saw and answered. */
    record Request(String rawPath, String range, int status) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> dropAfter = new ConcurrentHashMap<>();
    private final Map<String, Integer> stallAfter = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Set<String> ignoreRange = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        // Handlers on their own threads, so a stalled answer does not hold up the next request.
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fixture-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Serves {@code bytes} at the raw (percent-encoded) path. */
    FixtureServer put(String rawPath, byte[] bytes) {
        files.put(rawPath, bytes);
        return this;
    }

    /** The next request for {@code rawPath} gets the full length announced, then only {@code n} bytes and a closed connection. */
    FixtureServer dropOnceAfter(String rawPath, int n) {
        dropAfter.put(rawPath, n);
        return this;
    }

    /** The next request for {@code rawPath} gets {@code n} bytes, then nothing more until the server stops. */
    FixtureServer stallOnceAfter(String rawPath, int n) {
        stallAfter.put(rawPath, n);
        return this;
    }

    FixtureServer ignoreRange(String rawPath) {
        ignoreRange.add(rawPath);
        return this;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String rawPath) {
        return base() + rawPath;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        byte[] body = files.get(path);
        try (exchange) {
            if (body == null) {
                requests.add(new Request(path, range, 404));
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int start = 0;
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (m != null && m.matches() && !ignoreRange.contains(path)) {
                start = Integer.parseInt(m.group(1));
                if (start >= body.length) {
                    requests.add(new Request(path, range, 416));
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Range",
                        "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            }
            int status = start > 0 ? 206 : 200;
            requests.add(new Request(path, range, status));
            exchange.sendResponseHeaders(status, body.length - start);
            OutputStream out = exchange.getResponseBody();
            Integer drop = dropAfter.remove(path);
            if (drop != null) {
                out.write(body, start, drop);
                out.flush();
                // The JDK server closes the connection when a handler fails, as a flaky network would.
                throw new IOException("fixture: dropping the connection after " + drop + " bytes");
            }
            Integer stall = stallAfter.remove(path);
            if (stall != null) {
                out.write(body, start, stall);
                out.flush();
                sleepUntilClosed();
                return;
            }
            out.write(body, start, body.length - start);
        }
    }

    private void sleepUntilClosed() {
        try {
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
