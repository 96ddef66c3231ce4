package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.core.schedule.Batcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers generation requests greedily on a token-level model. Contexts are left-truncated to leave room for the new
 * tokens (lm-evaluation-harness's {@code max_length - max_gen_toks}); requests are batched longest first under the
 * token budget by the length they can reach; each step runs every unfinished row of the batch once and appends its
 * most likely token. A row stops at the end-of-text token, when its decoded text contains a stop string (cut before
 * the earliest one, as lm-eval's {@code generate_until} does), or at the new-token limit. Each row's tokens depend
 * only on its own context, so the output is the same whatever the batch.
 */
final class GreedyGenerator {
    private GreedyGenerator() {
    }

    static void run(CausalLm lm, List<GenerateRequest> requests, Execution<Generation> execution) {
        LmTokenizer tokenizer = lm.tokenizer();
        ContextEncoding encoding = new ContextEncoding(tokenizer);
        int max = tokenizer.maxContextLength();
        List<Row> rows = new ArrayList<>(requests.size());
        int[] lengths = new int[requests.size()];
        for (int r = 0; r < requests.size(); r++) {
            GenerateRequest request = requests.get(r);
            int room = max - request.maxNewTokens();
            if (room < 1) {
                throw new ProctorException("a generation of up to " + request.maxNewTokens() + " new tokens leaves no"
                        + " room for its context in the model's " + max + " tokens");
            }
            int[] context = encoding.generationContext(request.context());
            int cut = Math.max(0, context.length - room);
            rows.add(new Row(r, request, Arrays.copyOfRange(context, cut, context.length), cut > 0));
            lengths[r] = context.length - cut + request.maxNewTokens();
        }
        for (List<Integer> batch : Batcher.batches(lengths, execution.batchTokens())) {
            List<Row> members = batch.stream().map(rows::get).toList();
            generate(lm, members, execution);
            int[] indices = members.stream().mapToInt(Row::index).toArray();
            execution.completed(indices, members.stream().map(Row::result).toList());
        }
    }

    private static void generate(CausalLm lm, List<Row> batch, Execution<Generation> execution) {
        LmTokenizer tokenizer = lm.tokenizer();
        List<Row> active = new ArrayList<>(batch);
        while (!active.isEmpty()) {
            List<int[]> inputs = active.stream().map(Row::tokens).toList();
            long t0 = System.nanoTime();
            int[] next = lm.nextTokens(inputs);
            long nanos = System.nanoTime() - t0;
            if (next.length != inputs.size()) {
                throw new ProctorException(lm.info().name() + " returned " + next.length + " next tokens for "
                        + inputs.size() + " sequences");
            }
            long real = 0;
            int longest = 0;
            for (int[] in : inputs) {
                real += in.length;
                longest = Math.max(longest, in.length);
            }
            execution.recordBatch(new BatchStats(inputs.size(), real, (long) inputs.size() * longest, nanos));
            List<Row> still = new ArrayList<>(active.size());
            for (int i = 0; i < active.size(); i++) {
                if (!active.get(i).step(next[i], tokenizer)) {
                    still.add(active.get(i));
                }
            }
            active = still;
        }
    }

    /** One request being generated. */
    private static final class Row {
        private final int index;
        private final GenerateRequest request;
        private final boolean truncated;
        private int[] tokens;
        private final int contextLength;
        private Generation result;

        Row(int index, GenerateRequest request, int[] context, boolean truncated) {
            this.index = index;
            this.request = request;
            this.tokens = context;
            this.contextLength = context.length;
            this.truncated = truncated;
        }

        int index() {
            return index;
        }

        int[] tokens() {
            return tokens;
        }

        Generation result() {
            return result;
        }

        /** Appends a token; true when the row is finished. */
        boolean step(int token, LmTokenizer tokenizer) {
            int generated = tokens.length - contextLength;
            if (token == tokenizer.eosTokenId()) {
                result = new Generation(text(tokenizer), Generation.Finish.END_OF_TEXT, generated, truncated);
                return true;
            }
            tokens = Arrays.copyOf(tokens, tokens.length + 1);
            tokens[tokens.length - 1] = token;
            generated++;
            String text = text(tokenizer);
            int stop = earliestStop(text, request.stop());
            if (stop >= 0) {
                result = new Generation(text.substring(0, stop), Generation.Finish.STOP, generated, truncated);
                return true;
            }
            if (generated >= request.maxNewTokens()) {
                result = new Generation(text, Generation.Finish.LENGTH, generated, truncated);
                return true;
            }
            return false;
        }

        private String text(LmTokenizer tokenizer) {
            return tokenizer.decode(Arrays.copyOfRange(tokens, contextLength, tokens.length));
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
