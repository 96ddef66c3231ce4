package dev.proctor.cli.served;

import dev.proctor.api.model.DirectExecution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.RequestKind;
import dev.proctor.cli.Main;
import dev.proctor.core.registry.ModelRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of {@code proctor serve} as the served-model backend sees it, run by hand (a main among the tests:
 * timings on a shared machine are not pass/fail):
 * <pre>
 * mvn -q install -DskipTests
 * mvn -q -pl harness/cli dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "$(cat harness/cli/target/classpath.txt):harness/cli/target/classes:harness/cli/target/test-classes" \
 *     dev.proctor.cli.served.ServeBenchmark MODEL_SPEC [requests] [threads per server]
 * </pre>
 * For one and for two server processes (separate JVMs, each with {@code --model-arg threads=N} compute threads),
 * it sends log-likelihood requests (a 120-token context and a 4-token continuation, echo + logprobs, as the harness
 * does) at 1, 4 and 16 concurrent requests and prints requests per second, after a warm-up that lets the adaptive limit
 * reach the concurrency ("concurrent requests" are per server, the backend's {@code concurrency}). Then, against a
 * stub server that answers at once, the client's own cost per request: at 16 concurrent, and one at a time beside a
 * bare JDK {@code HttpClient} POST of the same body, whose difference is what the harness adds. With 0 requests only
 * the client is measured.
 */
public final class ServeBenchmark {
    private static final Pattern SERVING = Pattern.compile("on (http://\\S+) ");

    private ServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String model = args.length > 0 ? args[0] : "embedded:tiny-gpt";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; model %s, %d requests, %d compute thread(s) per"
                + " server%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), model,
                requests, threads);
        List<LoglikelihoodRequest> work = requests(requests + 200, 7);
        for (int servers : requests > 0 ? new int[] {1, 2} : new int[0]) {
            List<Process> processes = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            try {
                for (int s = 0; s < servers; s++) {
                    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--model",
                            model, "--model-arg", "threads=" + threads, "--port", "0").redirectErrorStream(true).start();
                    processes.add(p);
                    urls.add(awaitUrl(p));
                }
                for (int concurrency : new int[] {1, 4, 16}) {
                    double rps = measure(String.join(",", urls), concurrency, work, requests);
                    System.out.printf(Locale.ROOT, "servers %d, concurrency %2d: %7.1f requests/s%n", servers,
                            concurrency, rps);
                }
            } finally {
                processes.forEach(Process::destroy);
            }
        }
        try (FakeServer stub = new FakeServer(body -> new FakeServer.Answer(200, FakeServer.probeAnswer()))) {
            List<LoglikelihoodRequest> tiny = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                tiny.add(new LoglikelihoodRequest("Hello", ", world", false));
            }
            double rps = measure(stub.url(), 16, tiny, 2000);
            System.out.printf(Locale.ROOT, "client against an instant stub, concurrency 16: %.1f requests/s, %.3f ms of"
                    + " client and loopback time per request%n", rps, 1000 / rps);
            double one = measure(stub.url(), 1, tiny, 1000);
            double raw = rawRoundTripMillis(stub.url(), 1000);
            System.out.printf(Locale.ROOT, "client against an instant stub, one at a time: %.3f ms per request; a bare"
                    + " HttpClient POST of the same body: %.3f ms; the harness adds %.3f ms%n", 1000 / one, raw,
                    1000 / one - raw);
        }
    }

    /** Requests per second over the last {@code counted} of the work, the ones before warming the limit up. */
    static double measure(String urls, int concurrency, List<LoglikelihoodRequest> work, int counted) {
        ModelSpec spec = new ModelSpec("openai", urls, "cpu", Map.of("concurrency", String.valueOf(concurrency),
                "max-length", "1024"));
        try (Model served = ModelRegistry.discover().open(spec)) {
            List<LoglikelihoodRequest> warm = work.subList(0, work.size() - counted);
            DirectExecution.run(served, RequestKind.LOGLIKELIHOOD, warm, 1 << 20);
            long t0 = System.nanoTime();
            DirectExecution.run(served, RequestKind.LOGLIKELIHOOD, work.subList(work.size() - counted, work.size()),
                    1 << 20);
            return counted / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** Milliseconds per bare JDK HttpClient POST of a completion body to the stub, one at a time, after a warm-up. */
    static double rawRoundTripMillis(String url, int n) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"fake\",\"prompt\":\"Hello, world\","
                        + "\"max_tokens\":0,\"echo\":true,\"logprobs\":1,\"temperature\":0}")).build();
        for (int i = 0; i < n; i++) {
            client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    /** Distinct prompts (so no cache helps): random words, about 120 tokens, and a four-word continuation. */
    static List<LoglikelihoodRequest> requests(int n, long seed) {
        Random random = new Random(seed);
        String[] words = {"river", "stone", "market", "garden", "signal", "quiet", "harbor", "lantern", "copper",
            "meadow", "engine", "winter", "orchard", "cabin", "thunder", "violet"};
        List<LoglikelihoodRequest> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder context = new StringBuilder("Item " + i + ":");
            for (int w = 0; w < 40; w++) {
                context.append(' ').append(words[random.nextInt(words.length)]);
            }
            out.add(new LoglikelihoodRequest(context.toString(), " " + words[random.nextInt(words.length)] + " and "
                    + words[random.nextInt(words.length)], false));
        }
        return out;
    }

    private static String awaitUrl(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            Matcher m = SERVING.matcher(line);
            if (line.startsWith("serving ") && m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // the server ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("the server ended before it served");
    }
}
