package dev.proctor.serve;

import dev.proctor.core.schedule.Batcher;
import dev.proctor.lm.CausalLm;
import dev.proctor.lm.ScoreQuery;
import dev.proctor.lm.TargetScores;
import dev.proctor.lm.TokenGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one thread that runs the model (a {@link CausalLm} is not thread-safe). Requests from every connection queue
 * here; each cycle takes all that are waiting and runs them together, batched by the token budget: first the
 * generations ({@link TokenGenerator}, the harness's own greedy decoding), then one scoring pass over every sequence
 * whose log-probabilities were asked for. So concurrent clients share batches, and a served model answers exactly what
 * the local one does.
 */
final class Engine implements AutoCloseable {
    /**
     * One sequence's work.
     *
     * @param prompt      its prompt tokens
     * @param maxTokens   new tokens at most (0: none)
     * @param stop        stop strings
     * @param topK        alternatives per scored position, or -1 when no log-probabilities are wanted
     * @param scorePrompt also score the prompt's positions (echo, prompt_logprobs)
     */
    record Job(int[] prompt, int maxTokens, List<String> stop, int topK, boolean scorePrompt) {
    }

    /**
     * What a job produced.
     *
     * @param generated the new tokens and their text
     * @param scores    for positions 1.. of prompt + new tokens (or of the new tokens only), the log-probability of
     *                  each token given what precedes it, with alternatives; null when none were wanted
     * @param firstScored the index, in prompt + new tokens, of the first token {@code scores} covers
     */
    record Result(TokenGenerator.Output generated, TargetScores scores, int firstScored) {
    }

    private record Pending(Job job, CompletableFuture<Result> future) {
    }

    private static final Pending STOP = new Pending(null, null);

    private final CausalLm lm;
    private final int budgetTokens;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final AtomicLong sequences = new AtomicLong();
    private final AtomicLong cycles = new AtomicLong();

    Engine(CausalLm lm, int budgetTokens) {
        this.lm = lm;
        this.budgetTokens = budgetTokens;
        this.worker = new Thread(this::loop, "proctor-serve-engine");
        worker.setDaemon(true);
        worker.start();
    }

    CompletableFuture<Result> submit(Job job) {
        CompletableFuture<Result> future = new CompletableFuture<>();
        queue.add(new Pending(job, future));
        return future;
    }

    /** Sequences run and cycles made so far, for the logs. */
    String counters() {
        return sequences.get() + " sequences in " + cycles.get() + " cycles";
    }

    private void loop() {
        while (true) {
            List<Pending> cycle = new ArrayList<>();
            try {
                cycle.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(cycle);
            boolean stop = cycle.remove(STOP);
            if (!cycle.isEmpty()) {
                run(cycle);
            }
            if (stop) {
                return;
            }
        }
    }

    private void run(List<Pending> cycle) {
        cycles.incrementAndGet();
        sequences.addAndGet(cycle.size());
        try {
            TokenGenerator.Output[] generated = generate(cycle);
            TargetScores[] scores = score(cycle, generated);
            for (int i = 0; i < cycle.size(); i++) {
                Job job = cycle.get(i).job();
                int first = job.scorePrompt() ? 1 : job.prompt().length;
                cycle.get(i).future().complete(new Result(generated[i], scores[i], first));
            }
        } catch (RuntimeException e) {
            // a failure of the model fails this cycle's requests, not the server
            cycle.forEach(p -> p.future().completeExceptionally(e));
        }
    }

    private TokenGenerator.Output[] generate(List<Pending> cycle) {
        TokenGenerator.Output[] out = new TokenGenerator.Output[cycle.size()];
        List<TokenGenerator.Input> inputs = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            Job job = cycle.get(i).job();
            if (job.maxTokens() > 0) {
                inputs.add(new TokenGenerator.Input(job.prompt(), job.stop(), job.maxTokens()));
                owners.add(i);
            } else {
                out[i] = new TokenGenerator.Output(new int[0], "", dev.proctor.api.request.Generation.Finish.LENGTH);
            }
        }
        if (!inputs.isEmpty()) {
            TokenGenerator.generate(lm, inputs, budgetTokens, batch -> { }, (indices, outputs) -> {
                for (int j = 0; j < indices.length; j++) {
                    out[owners.get(indices[j])] = outputs.get(j);
                }
            });
        }
        return out;
    }

    private TargetScores[] score(List<Pending> cycle, TokenGenerator.Output[] generated) {
        TargetScores[] out = new TargetScores[cycle.size()];
        List<ScoreQuery> queries = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            Job job = cycle.get(i).job();
            int[] tokens = concat(job.prompt(), generated[i].tokens());
            int first = job.scorePrompt() ? 1 : job.prompt().length;
            if (job.topK() < 0 || first >= tokens.length) {
                continue;
            }
            int n = tokens.length - first;
            int[] positions = new int[n];
            int[] targets = new int[n];
            for (int j = 0; j < n; j++) {
                positions[j] = first + j - 1;
                targets[j] = tokens[first + j];
            }
            queries.add(new ScoreQuery(tokens, positions, targets, job.topK()));
            owners.add(i);
        }
        int[] lengths = queries.stream().mapToInt(q -> q.tokens().length).toArray();
        for (List<Integer> batch : Batcher.batches(lengths, budgetTokens)) {
            List<TargetScores> scores = lm.score(batch.stream().map(queries::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                out[owners.get(batch.get(j))] = scores.get(j);
            }
        }
        return out;
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Stops taking work and waits up to 10 s for the cycle in flight; {@link #stopped()} says whether it ended. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the worker has ended: until then the model may be inside a forward pass and must stay open. */
    boolean stopped() {
        return !worker.isAlive();
    }
}
