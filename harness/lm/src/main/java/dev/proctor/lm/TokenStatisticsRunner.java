package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Tokenizer.SpecialToken;
import dev.proctor.api.request.TokenStatistics;
import dev.proctor.api.request.TokenStatisticsRequest;
import dev.proctor.core.schedule.Batcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers token-statistics requests on one causal LM, or on a pair (observer and performer, Binoculars' roles)
 * sharing one tokenizer. A text is encoded as the detectors' reference code encodes it (the tokenizer's own BOS
 * where it adds one, nothing else), cut to its first tokens, and run whole: one forward per model per batch, every
 * position's distribution read.
 */
final class TokenStatisticsRunner {
    private final CausalLm performer;
    private final CausalLm observer;

    /** @param observer the pair's observer, or null for a single model */
    TokenStatisticsRunner(CausalLm performer, CausalLm observer) {
        this.performer = performer;
        this.observer = observer;
    }

    void run(List<TokenStatisticsRequest> requests, Execution<TokenStatistics> execution) {
        List<Encoded> encoded = new ArrayList<>(requests.size());
        for (TokenStatisticsRequest r : requests) {
            encoded.add(encode(r));
        }
        int[] lengths = encoded.stream().mapToInt(e -> e.tokens.length).toArray();
        execution.recordPrefixTree(PrefixTree.tokens(encoded.stream().map(e -> e.tokens).toList()));
        for (List<Integer> batch : Batcher.batches(lengths, execution.batchTokens())) {
            List<ScoreQuery> queries = batch.stream().map(i -> encoded.get(i).query()).toList();
            long t0 = System.nanoTime();
            List<LogDistributions> perf = performer.distributions(queries);
            List<LogDistributions> obs = observer == null ? null : observer.distributions(queries);
            long nanos = System.nanoTime() - t0;
            List<TokenStatistics> out = new ArrayList<>(batch.size());
            long real = 0;
            int longest = 0;
            for (int b = 0; b < batch.size(); b++) {
                Encoded e = encoded.get(batch.get(b));
                out.add(statistics(e, perf.get(b), obs == null ? null : obs.get(b)));
                real += e.tokens.length;
                longest = Math.max(longest, e.tokens.length);
            }
            execution.recordBatch(new BatchStats(batch.size(), real, (long) batch.size() * longest,
                    observer == null ? nanos : nanos / 2));
            execution.completed(batch.stream().mapToInt(Integer::intValue).toArray(), out);
        }
    }

    /** A text's observed tokens, the character length each prefix decodes to, and whether it was cut. */
    private record Encoded(int[] tokens, int[] ends, boolean truncated) {
        ScoreQuery query() {
            int[] positions = new int[tokens.length];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
            }
            return new ScoreQuery(tokens, positions, tokens);
        }
    }

    private Encoded encode(TokenStatisticsRequest request) {
        LmTokenizer tokenizer = performer.tokenizer();
        int[] text = tokenizer.encode(request.text());
        int bos = tokenizer.addedBos().map(SpecialToken::id).orElse(-1);
        int lead = bos >= 0 ? 1 : 0;
        int[] all = new int[lead + text.length];
        if (lead == 1) {
            all[0] = bos;
        }
        System.arraycopy(text, 0, all, lead, text.length);
        int n = Math.min(all.length, Math.min(request.maxTokens(), tokenizer.maxContextLength()));
        if (n < 2) {
            throw new ProctorException("a text of " + all.length + " token(s) has no next token to score: '"
                    + request.text() + "'");
        }
        int[] tokens = Arrays.copyOf(all, n);
        int[] ends = new int[n];
        for (int i = lead; i < n; i++) {
            ends[i] = tokenizer.decode(Arrays.copyOfRange(tokens, lead, i + 1)).length();
        }
        return new Encoded(tokens, ends, n < all.length);
    }

    private TokenStatistics statistics(Encoded e, LogDistributions perf, LogDistributions obs) {
        int n = e.tokens.length;
        if (perf.rows() != n || (obs != null && obs.rows() != n)) {
            throw new ProctorException(performer.info().name() + ": " + perf.rows() + " distributions for " + n
                    + " positions");
        }
        return TextStatistics.of(e.tokens, e.ends, e.truncated, perf, obs);
    }
}
