package dev.proctor.core.testkit;

import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.request.EmbedRequest;
import dev.proctor.api.request.Embedding;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.Passage;
import dev.proctor.api.request.PredictRequest;
import dev.proctor.api.request.TokenStatistics;
import dev.proctor.api.request.TokenStatisticsRequest;
import dev.proctor.api.request.Prediction;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.request.RetrieveRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A deterministic model of any capabilities: every answer is a function of its request alone (a hash), so any
 * batching or order gives the same responses. It reports responses in calls of {@link #chunk} requests, records what
 * it was asked, can be told to fail or to halt the JVM (as {@code kill -9} would) after some calls, and can be given a
 * tampering function to answer wrongly. With {@link #retrieveByEmbedding}, retrieval embeds the corpus through the
 * harness first, as a dense retriever does.
 */
public final class FakeModel implements Model {
    private final String name;
    private final Set<RequestKind<?, ?>> capabilities;
    private final Map<RequestKind<?, ?>, List<Request>> received = new LinkedHashMap<>();
    private int chunk = 2;
    private int calls;
    private int failAfter = -1;
    private boolean halt;
    private boolean retrieveByEmbedding;
    private UnaryOperator<Response> tamper = UnaryOperator.identity();
    private String identity = "v1";
    private int answerAtMost = Integer.MAX_VALUE;

    public FakeModel(String name, RequestKind<?, ?>... capabilities) {
        this.name = name;
        this.capabilities = Set.of(capabilities);
    }

    /** Serves every request kind. */
    public static FakeModel all() {
        return new FakeModel("fake-all", RequestKind.all().toArray(RequestKind<?, ?>[]::new));
    }

    public FakeModel chunk(int responsesPerCall) {
        this.chunk = responsesPerCall;
        return this;
    }

    /** The next {@code n} calls succeed; the one after throws. */
    public FakeModel failAfter(int n) {
        this.failAfter = calls + n;
        return this;
    }

    /** The next {@code n} calls succeed; during the one after, the JVM halts at once. */
    public FakeModel haltAfter(int n) {
        this.halt = true;
        return failAfter(n);
    }

    public FakeModel retrieveByEmbedding() {
        this.retrieveByEmbedding = true;
        return this;
    }

    public FakeModel tamper(UnaryOperator<Response> tamper) {
        this.tamper = tamper;
        return this;
    }

    /** Answers only the first {@code n} requests of each run: a broken backend. */
    public FakeModel answerAtMost(int n) {
        this.answerAtMost = n;
        return this;
    }

    /** Another identity: the same answers under another model key. */
    public FakeModel identity(String identity) {
        this.identity = identity;
        return this;
    }

    public int calls() {
        return calls;
    }

    /** Requests received of a kind, in order, across calls to {@link #run}. */
    public List<Request> received(RequestKind<?, ?> kind) {
        return received.getOrDefault(kind, List.of());
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(name, "fake", "java", "cpu", Map.of("identity", identity));
    }

    @Override
    public Set<RequestKind<?, ?>> capabilities() {
        return capabilities;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests,
                                                            Execution<A> execution) {
        if (!capabilities.contains(kind)) {
            throw new IllegalStateException(name + " was asked for " + kind.id());
        }
        received.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(requests);
        int answered = Math.min(requests.size(), answerAtMost);
        for (int start = 0; start < answered; start += chunk) {
            if (failAfter >= 0 && calls >= failAfter) {
                if (halt) {
                    Runtime.getRuntime().halt(137); // no shutdown hooks, no close(): the store is left as a kill leaves it
                }
                throw new IllegalStateException("simulated crash after " + calls + " calls");
            }
            int end = Math.min(answered, start + chunk);
            int[] indices = new int[end - start];
            List<A> responses = new ArrayList<>();
            for (int i = start; i < end; i++) {
                indices[i - start] = i;
                Request request = requests.get(i);
                Response answer = request instanceof RetrieveRequest r && retrieveByEmbedding
                        ? retrieveThroughEmbeddings(r, (Execution<?>) execution) : answer(request);
                responses.add((A) tamper.apply(answer));
            }
            calls++;
            execution.recordBatch(new BatchStats(indices.length, indices.length * 10L, indices.length * 12L, 1000));
            execution.completed(indices, responses);
        }
    }

    private Ranking retrieveThroughEmbeddings(RetrieveRequest r, Execution<?> execution) {
        List<EmbedRequest> passages = r.corpus().passages().stream()
                .map(p -> new EmbedRequest(p.contents(), EmbedRequest.Role.PASSAGE)).toList();
        List<Embedding> vectors = execution.run(this, RequestKind.EMBED, passages);
        float[] q = ((Embedding) answer(new EmbedRequest(r.query(), EmbedRequest.Role.QUERY))).vector();
        List<Ranking.Hit> hits = new ArrayList<>();
        for (int d = 0; d < passages.size(); d++) {
            double s = 0;
            for (int j = 0; j < q.length; j++) {
                s += q[j] * vectors.get(d).vector()[j];
            }
            hits.add(new Ranking.Hit(r.corpus().passages().get(d).id(), s));
        }
        hits.sort(Comparator.comparingDouble(Ranking.Hit::score).reversed().thenComparing(Ranking.Hit::docId));
        return new Ranking(hits.subList(0, Math.min(r.topK(), hits.size())));
    }

    /** The answer to a request, a function of it alone. */
    public static Response answer(Request request) {
        long h = hash(request.describe().toString());
        if (request instanceof LoglikelihoodRequest) {
            return new Loglikelihood(-1 - Math.floorMod(h, 1000) / 100.0, 1, h % 2 == 0, false);
        }
        if (request instanceof GenerateRequest) {
            return new Generation("g" + Math.floorMod(h, 7), Generation.Finish.STOP, 2, false);
        }
        if (request instanceof EmbedRequest) {
            return new Embedding(new float[] {1 + Math.floorMod(h, 5), Math.floorMod(h >> 8, 7) - 3f,
                    Math.floorMod(h >> 16, 3)});
        }
        if (request instanceof RetrieveRequest r) {
            List<Ranking.Hit> hits = new ArrayList<>();
            for (Passage p : r.corpus().passages()) {
                hits.add(new Ranking.Hit(p.id(), Math.floorMod(hash(r.query() + "|" + p.id()), 1000) / 10.0));
            }
            hits.sort(Comparator.comparingDouble(Ranking.Hit::score).reversed().thenComparing(Ranking.Hit::docId));
            return new Ranking(hits.subList(0, Math.min(r.topK(), hits.size())));
        }
        if (request instanceof TokenStatisticsRequest) {
            double a = -1 - Math.floorMod(h, 100) / 10.0;
            double b = Math.floorMod(h >> 8, 100) / 10.0;
            return new TokenStatistics(3, false, new int[] {1, 2, 3}, new double[] {a, a / 2},
                    new double[] {b / 10, b / 5}, new double[] {b, b + 1}, new double[0]);
        }
        PredictRequest p = (PredictRequest) request;
        if (p.image() != null) {
            return Prediction.boxes(List.of()); // a detector that finds nothing: every category scores 0
        }
        return Prediction.label("p" + Math.floorMod(h, 3), Math.floorMod(h >> 4, 100) / 100.0);
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h ^ (h >>> 29);
    }

    @Override
    public void close() {
    }
}
