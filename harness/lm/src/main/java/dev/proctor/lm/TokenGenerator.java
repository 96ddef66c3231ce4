package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.api.request.Generation;
import dev.proctor.core.schedule.Batcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Greedy decoding at the token level, shared by every causal LM the harness runs and by {@code proctor serve}, so a
 * served model generates exactly what the local one does. Inputs are batched longest first under the token budget by
 * the length they can reach; each step runs every unfinished row once and appends its most likely token (with a KV
 * cache only that token is fed; without, the whole sequence runs again). A row stops
 * at the end-of-text token, when its decoded text contains a stop string (cut before the earliest one, as
 * lm-evaluation-harness's {@code generate_until} does), or at the new-token limit. Each row's tokens depend only on its
 * own context, so the output is the same whatever the batch.
 */
public final class TokenGenerator {
    private TokenGenerator() {
    }

    /**
     * One generation to make.
     *
     * @param context      its context's tokens (already fitted to the model)
     * @param stop         strings that end it
     * @param maxNewTokens the most new tokens
     */
    public record Input(int[] context, List<String> stop, int maxNewTokens) {
        public Input {
            stop = List.copyOf(stop);
        }
    }

    /**
     * What was generated.
     *
     * @param tokens every new token, the end-of-text token excluded (the one that completed a stop string included)
     * @param text   their text, cut before the earliest stop string
     * @param finish why it ended
     */
    public record Output(int[] tokens, String text, Generation.Finish finish) {
    }

    /** Receives each batch's results as it completes: positions in the input list, and their outputs. */
    public interface Completed {
        void accept(int[] indices, List<Output> outputs);
    }

    public static void generate(CausalLm lm, List<Input> inputs, int budgetTokens, Consumer<BatchStats> batches,
                                Completed completed) {
        int[] lengths = new int[inputs.size()];
        List<Row> rows = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            rows.add(new Row(i, inputs.get(i)));
            lengths[i] = inputs.get(i).context().length + inputs.get(i).maxNewTokens();
        }
        boolean cached = lm.kvCache().isPresent();
        for (List<Integer> batch : cached ? prefixOrderBatches(inputs, budgetTokens, lm.tokenizer().maxContextLength())
                : Batcher.batches(lengths, budgetTokens)) {
            List<Row> members = batch.stream().map(rows::get).toList();
            run(lm, members, budgetTokens, batches);
            completed.accept(members.stream().mapToInt(r -> r.index).toArray(),
                    members.stream().map(r -> r.output).toList());
        }
    }

    /**
     * With a KV cache: contexts in lexicographic order, cut into batches as they come, so a batch holds contexts that
     * share prefixes (a subject's few-shot header), computed once for the batch. Cached decoding aligns the rows on
     * the longest context and steps them together until the row with the most new tokens is done, so a batch spans
     * {@code longest context + most new tokens}: that span must fit the model's context, and {@code size x span} the
     * budget.
     */
    private static List<List<Integer>> prefixOrderBatches(List<Input> inputs, int budgetTokens, int maxContext) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Arrays.compare(inputs.get(a).context(), inputs.get(b).context()));
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        int longestContext = 0;
        int mostNew = 0;
        for (int i : order) {
            int context = Math.max(longestContext, inputs.get(i).context().length);
            int fresh = Math.max(mostNew, inputs.get(i).maxNewTokens());
            long span = (long) context + fresh;
            if (!batch.isEmpty() && ((batch.size() + 1) * span > budgetTokens || span > maxContext)) {
                out.add(batch);
                batch = new ArrayList<>();
                context = inputs.get(i).context().length;
                fresh = inputs.get(i).maxNewTokens();
            }
            batch.add(i);
            longestContext = context;
            mostNew = fresh;
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }

    private static void run(CausalLm lm, List<Row> batch, int budgetTokens, Consumer<BatchStats> batches) {
        LmTokenizer tokenizer = lm.tokenizer();
        List<Row> active = new ArrayList<>();
        for (Row row : batch) {
            if (row.input.maxNewTokens() == 0) {
                row.output = new Output(new int[0], "", Generation.Finish.LENGTH);
            } else {
                active.add(row);
            }
        }
        if (active.isEmpty()) {
            return;
        }
        Optional<KvCache> cache = lm.kvCache();
        if (cache.isPresent()) {
            runCached(lm, cache.get(), active, budgetTokens, batches);
            return;
        }
        while (!active.isEmpty()) {
            List<int[]> sequences = active.stream().map(r -> r.tokens).toList();
            long t0 = System.nanoTime();
            int[] next = checked(lm, lm.nextTokens(sequences), sequences.size());
            long nanos = System.nanoTime() - t0;
            long real = 0;
            int longest = 0;
            for (int[] s : sequences) {
                real += s.length;
                longest = Math.max(longest, s.length);
            }
            batches.accept(new BatchStats(sequences.size(), real, (long) sequences.size() * longest, nanos));
            List<Row> still = new ArrayList<>(active.size());
            for (int i = 0; i < active.size(); i++) {
                if (!active.get(i).step(next[i], tokenizer)) {
                    still.add(active.get(i));
                }
            }
            active = still;
        }
    }

    /**
     * Decoding through the KV cache: the contexts but their last tokens run as their prefix tree (each shared prefix
     * once, {@link PrefixPasts}), then one pass feeds every row's last context token after its past, then one token per
     * row per step. A row that has finished runs on (its tokens ignored) until the batch ends, so the cache is never
     * copied to drop it.
     */
    private static void runCached(CausalLm lm, KvCache cache, List<Row> rows, int budgetTokens,
                                  Consumer<BatchStats> batches) {
        LmTokenizer tokenizer = lm.tokenizer();
        int n = rows.size();
        if (rows.stream().anyMatch(r -> r.tokens.length == 0)) {
            throw new ProctorException("an empty sequence has no next token");
        }
        List<int[]> prefixes = rows.stream().map(r -> Arrays.copyOf(r.tokens, r.tokens.length - 1)).toList();
        int[] last = rows.stream().mapToInt(r -> r.tokens[r.tokens.length - 1]).toArray();
        List<KvCache.Past> pasts = PrefixPasts.of(lm, cache, prefixes, budgetTokens, batches);
        KvCache.Decoding started;
        long t0 = System.nanoTime();
        try {
            started = cache.decode(pasts, last);
        } finally {
            pasts.stream().filter(Objects::nonNull).forEach(KvCache.Past::close);
        }
        try (KvCache.Decoding decoding = started) {
            batches.accept(new BatchStats(n, n, n, System.nanoTime() - t0));
            boolean[] finished = new boolean[n];
            int open = n;
            while (true) {
                int[] next = checked(lm, decoding.next(), n);
                for (int i = 0; i < n; i++) {
                    if (!finished[i] && rows.get(i).step(next[i], tokenizer)) {
                        finished[i] = true;
                        open--;
                    }
                }
                if (open == 0) {
                    return;
                }
                t0 = System.nanoTime();
                decoding.append(next);
                batches.accept(new BatchStats(n, open, n, System.nanoTime() - t0));
            }
        }
    }

    /**
     * The generated tokens that had to be run to go on: each appended token of a row that went on after it (not the
     * last one, unless an end-of-text token came after it).
     */
    static long tokensFedBack(Output output) {
        int n = output.tokens().length;
        return output.finish() == Generation.Finish.END_OF_TEXT ? n : Math.max(0, n - 1);
    }

    private static int[] checked(CausalLm lm, int[] next, int rows) {
        if (next.length != rows) {
            throw new ProctorException(lm.info().name() + " returned " + next.length + " next tokens for " + rows
                    + " sequences");
        }
        return next;
    }

    /** One input being generated. */
    private static final class Row {
        private final int index;
        private final Input input;
        private int[] tokens;
        private Output output;

        Row(int index, Input input) {
            this.index = index;
            this.input = input;
            this.tokens = input.context();
        }

        /** Appends a token; true when the row is finished. */
        boolean step(int token, LmTokenizer tokenizer) {
            if (token == tokenizer.eosTokenId()) {
                output = new Output(generated(), text(tokenizer), Generation.Finish.END_OF_TEXT);
                return true;
            }
            tokens = Arrays.copyOf(tokens, tokens.length + 1);
            tokens[tokens.length - 1] = token;
            String text = text(tokenizer);
            int stop = earliestStop(text, input.stop());
            if (stop >= 0) {
                output = new Output(generated(), text.substring(0, stop), Generation.Finish.STOP);
                return true;
            }
            if (tokens.length - input.context().length >= input.maxNewTokens()) {
                output = new Output(generated(), text, Generation.Finish.LENGTH);
                return true;
            }
            return false;
        }

        private int[] generated() {
            return Arrays.copyOfRange(tokens, input.context().length, tokens.length);
        }

        private String text(LmTokenizer tokenizer) {
            return tokenizer.decode(generated());
        }

        private static int earliestStop(String text, List<String> stops) {
            int earliest = -1;
            for (String stop : stops) {
                int at = text.indexOf(stop);
                if (at >= 0 && (earliest < 0 || at < earliest)) {
                    earliest = at;
                }
            }
            return earliest;
        }
    }
}
