package dev.proctor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.proctor.chat.ChatTemplate;
import dev.proctor.lm.CausalLm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An OpenAI-compatible server in vLLM's shapes over any causal LM Proctor loads: {@code GET /health},
 * {@code GET /v1/models}, {@code POST /v1/completions}; errors in vLLM's envelope. Connections are handled by the JDK's
 * HTTP server on a thread pool; the model runs on the {@link Engine}'s one thread, which batches concurrent requests.
 */
public final class ProctorServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService connections;
    private final Engine engine;
    private final Completions completions;
    private final ChatCompletions chat;
    private final String modelName;
    private final int maxModelLength;
    private final Optional<String> apiKey;
    private final Faults.Draw faults;
    private final CausalLm lm;
    private boolean closed;

    /**
     * @param lm           the model (closed with the server)
     * @param modelName    the name clients ask for
     * @param host         the interface to listen on
     * @param port         the port, 0 for any free one
     * @param budgetTokens the padded-token budget of one batch
     * @param apiKey       the bearer token clients must send, if any
     * @param faultRate    the fraction of completion requests given an injected failure (a test option; 0: none)
     * @param faultSeed    the seed of those draws
     * @param chatTemplate the model's chat template, for {@code /v1/chat/completions} (without one, chat is refused)
     */
    public ProctorServer(CausalLm lm, String modelName, String host, int port, int budgetTokens,
                         Optional<String> apiKey, double faultRate, long faultSeed,
                         Optional<ChatTemplate> chatTemplate) throws IOException {
        this.lm = lm;
        this.engine = new Engine(lm, budgetTokens);
        this.completions = new Completions(engine, lm.tokenizer(), modelName);
        this.chat = new ChatCompletions(completions, lm.tokenizer(), chatTemplate);
        this.modelName = modelName;
        this.maxModelLength = lm.tokenizer().maxContextLength();
        this.apiKey = apiKey;
        this.faults = new Faults(faultRate, faultSeed).new Draw();
        noDelay();
        this.http = HttpServer.create(new InetSocketAddress(host, port), 256);
        this.connections = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "proctor-serve-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(connections);
        http.createContext("/health", exchange -> handle(exchange, "GET", () -> null));
        http.createContext("/v1/models", exchange -> handle(exchange, "GET", this::models));
        http.createContext("/v1/completions", exchange -> completion(exchange,
                body -> completions.answer(CompletionRequest.parse(body))));
        http.createContext("/v1/chat/completions", exchange -> completion(exchange, chat::answer));
        http.start();
    }

    /**
     * The JDK server writes a response's headers and body as two packets; with Nagle's algorithm on, the body waits
     * for the client's delayed acknowledgement of the headers, 40 ms a response. Read once, when the JDK's server
     * configuration loads, so it is set before the first server of the process exists.
     */
    public static void noDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The port it listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    private ObjectNode models() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        ObjectNode model = data.addObject();
        model.put("id", modelName);
        model.put("object", "model");
        model.put("created", System.currentTimeMillis() / 1000);
        model.put("owned_by", "proctor");
        model.put("root", modelName);
        model.putNull("parent");
        model.put("max_model_len", maxModelLength);
        return root;
    }

    /** One way of answering a parsed request body, on either completion endpoint. */
    private interface Answerer {
        ObjectNode answer(JsonNode body) throws InterruptedException;
    }

    private void completion(HttpExchange exchange, Answerer answerer) throws IOException {
        Faults.Kind fault = faults.next();
        switch (fault) {
            case DROP -> {
                exchange.getRequestBody().readAllBytes();
                exchange.close(); // no status line: the client sees the connection end
                return;
            }
            case DELAY -> sleep(300);
            case SERVER_ERROR -> {
                send(exchange, 500, new ApiError(500, "InternalServerError", null, "injected fault").envelope());
                return;
            }
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                exchange.getResponseHeaders().set("retry-after-ms", "200");
                send(exchange, 429, new ApiError(429, "RateLimitError", null, "injected fault").envelope());
                return;
            }
            default -> { }
        }
        handle(exchange, "POST", () -> {
            JsonNode body = readJson(exchange);
            try {
                return answerer.answer(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiError(503, "ServiceUnavailableError", null, "the server is shutting down");
            }
        }, fault == Faults.Kind.TRUNCATED);
    }

    private void handle(HttpExchange exchange, String method, Supplier<ObjectNode> answer) throws IOException {
        handle(exchange, method, answer, false);
    }

    private void handle(HttpExchange exchange, String method, Supplier<ObjectNode> answer, boolean truncate)
            throws IOException {
        try {
            if (!exchange.getRequestMethod().equals(method)) {
                throw new ApiError(405, "MethodNotAllowed", null, exchange.getRequestMethod() + " is not allowed on "
                        + exchange.getRequestURI().getPath() + "; use " + method);
            }
            if (apiKey.isPresent() && !exchange.getRequestURI().getPath().equals("/health")
                    && !("Bearer " + apiKey.get()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                throw new ApiError(401, "AuthenticationError", null, "a valid API key is required");
            }
            ObjectNode body = answer.get();
            if (body == null) {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            if (truncate) {
                bytes = Arrays.copyOf(bytes, bytes.length / 2);
            }
            send(exchange, 200, bytes);
        } catch (ApiError e) {
            send(exchange, e.status(), e.envelope());
        } catch (RuntimeException e) {
            send(exchange, 500, new ApiError(500, "InternalServerError", null, String.valueOf(e.getMessage()))
                    .envelope());
        }
    }

    private static JsonNode readJson(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw ApiError.badRequest(null, "the request body is not valid JSON: " + e.getMessage());
        }
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        send(exchange, status, Json.MAPPER.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the log says when it starts: where, which model, how many sequences so far. */
    public String describe() {
        return "serving " + modelName + " on http://" + http.getAddress().getHostString() + ":" + port()
                + " (max_model_len " + maxModelLength + "; " + engine.counters() + ")";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(0);
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
        if (engine.stopped()) { // else a forward pass is running on it: the process's exit frees the model
            lm.close();
        }
    }
}
