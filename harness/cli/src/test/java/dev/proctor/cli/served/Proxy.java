package dev.proctor.cli.served;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes requests on to a real server, changing it into one the tests need (see {@link Mode}); once told to stall,
 * one that holds each request without an answer (the connection stays open, as with a server stuck on a long batch)
 * until it is closed; while told to fail, one whose engine is dead (503 to every completion). Counts the completion
 * requests that reach it.
 */
final class Proxy implements AutoCloseable {
    /** What the server behind it appears to lack. */
    enum Mode {
        /** Nothing: every request passes. */
        PLAIN,
        /** {@code /v1/completions} answers 404, as on chat-only deployments. */
        CHAT_ONLY,
        /** {@code echo} with {@code logprobs} is refused, as some vLLM versions refuse it; prompt_logprobs works. */
        NO_ECHO_LOGPROBS
    }

    private final HttpServer http;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final Mode mode;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean stalling;
    private volatile boolean failing;
    final AtomicInteger completions = new AtomicInteger();

    Proxy(String target, Mode mode) throws IOException {
        this.target = target;
        this.mode = mode;
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

    void fail(boolean on) {
        failing = on;
    }

    private void forward(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        try {
            if (stalling) {
                released.await();
                ex.close();
                return;
            }
            boolean completions = ex.getRequestURI().getPath().equals("/v1/completions");
            if (completions) {
                this.completions.incrementAndGet();
            }
            if (failing && completions) {
                FakeServer.send(ex, 503, "{\"object\":\"error\",\"message\":\"engine dead\",\"type\":"
                        + "\"ServiceUnavailableError\",\"param\":null,\"code\":503}");
                return;
            }
            if (mode == Mode.CHAT_ONLY && completions) {
                FakeServer.send(ex, 404, "{\"detail\":\"Not Found\"}");
                return;
            }
            if (mode == Mode.NO_ECHO_LOGPROBS && completions) {
                JsonNode request = FakeServer.JSON.readTree(body);
                if (request.path("echo").asBoolean(false) && request.hasNonNull("logprobs")) {
                    FakeServer.send(ex, 400, "{\"object\":\"error\",\"message\":\"Echo is unsupported with"
                            + " logprobs\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}");
                    return;
                }
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
