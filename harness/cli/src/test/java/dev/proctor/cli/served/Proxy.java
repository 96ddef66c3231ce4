package dev.proctor.cli.served;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;

/**
 * Passes requests on to a real server, changing it into one the tests need: with {@code hideCompletions}, a server
 * without {@code /v1/completions} (as chat-only deployments are); once told to stall, one that holds each request
 * without an answer (the connection stays open, as with a server stuck on a long batch) until it is closed.
 */
final class Proxy implements AutoCloseable {
    private final HttpServer http;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final boolean hideCompletions;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean stalling;

    Proxy(String target, boolean hideCompletions) throws IOException {
        this.target = target;
        this.hideCompletions = hideCompletions;
        http = FakeServer.listen("proxy");
        http.createContext("/", this::forward);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    void stall() {
        stalling = true;
    }

    private void forward(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        try {
            if (stalling) {
                released.await();
                ex.close();
                return;
            }
            if (hideCompletions && ex.getRequestURI().getPath().equals("/v1/completions")) {
                FakeServer.send(ex, 404, "{\"detail\":\"Not Found\"}");
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                    .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json");
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(answer.statusCode(), answer.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
        }
    }

    @Override
    public void close() {
        released.countDown();
        http.stop(0);
    }
}
