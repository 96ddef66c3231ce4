package dev.proctor.cli.served;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.proctor.serve.ProctorServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in server for the cases a real one rarely shows: {@code /v1/models} lists one model, and every completion
 * is answered by a function of the request body (a status and a body). Counts the completions it answered.
 */
final class FakeServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A status and a raw body. */
    record Answer(int status, String body) {
    }

    private final HttpServer http;
    final AtomicInteger completions = new AtomicInteger();

    FakeServer(Function<JsonNode, Answer> completion) throws IOException {
        http = listen("fake-server");
        http.createContext("/v1/models", ex -> {
            send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"fake\",\"object\":\"model\",\"max_model_len\":512}]}");
        });
        http.createContext("/v1/completions", ex -> {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            completions.incrementAndGet();
            Answer a = completion.apply(body);
            send(ex, a.status(), a.body());
        });
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** An unstarted loopback server on a free port, answering on daemon threads, without Nagle's delay. */
    static HttpServer listen(String threadName) throws IOException {
        ProctorServer.noDelay();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }));
        return http;
    }

    /** A JSON answer. */
    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A well-formed echo answer for the probe: two prompt tokens, the first without a log-probability. */
    static String probeAnswer() {
        return "{\"choices\":[{\"index\":0,\"text\":\"Hello, world\",\"finish_reason\":\"length\",\"logprobs\":{"
                + "\"tokens\":[\"Hello\",\",\",\" world\"],\"token_logprobs\":[null,-1.0,-2.0],"
                + "\"top_logprobs\":[null,{\",\":-1.0},{\" world\":-2.0}],\"text_offset\":[0,5,6]}}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":0,\"total_tokens\":3}}";
    }

    static boolean isProbe(JsonNode body) {
        return "Hello, world".equals(body.path("prompt").asText());
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
