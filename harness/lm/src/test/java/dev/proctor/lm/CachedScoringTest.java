package dev.proctor.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.DirectExecution;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.RequestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Scoring and generation through a KV cache give exactly what running every sequence whole gives, computing each
 * token of the prompts' prefix tree once. The toy model's cache keeps tokens, so a row continuing the wrong past
 * would score differently.
 */
class CachedScoringTest {

    /** Few-shot prompts: two subjects' headers and shots, questions, letters and multi-token continuations. */
    private static List<LoglikelihoodRequest> fewShotRequests() {
        Random random = new Random(17);
        List<LoglikelihoodRequest> out = new ArrayList<>();
        for (String subject : List.of("geography", "chemistry")) {
            String shots = "The following are about " + subject + ".\n\nQ: shot one? A\nQ: shot two? B\n";
            for (int q = 0; q < 12; q++) {
                String context = shots + "Q: question " + "x".repeat(random.nextInt(30)) + q + "?";
                for (String letter : List.of(" A", " B", " C", " D")) {
                    out.add(new LoglikelihoodRequest(context, letter, true));
                    out.add(new LoglikelihoodRequest(context, letter + " because " + "y".repeat(random.nextInt(9)),
                            false));
                }
            }
        }
        out.add(new LoglikelihoodRequest("z".repeat(300), " overlong, cut on the left", false));
        return out;
    }

    private static DirectExecution<Loglikelihood> score(ByteLm lm, int budget) {
        return DirectExecution.run(new CausalLmModel(lm), RequestKind.LOGLIKELIHOOD, fewShotRequests(), budget);
    }

    @Test
    void cachedScoresEqualWholeSequenceScoresAndComputeEachPrefixOnce() {
        for (int budget : new int[] {1, 400, 1 << 20}) {
            ByteLm cachedLm = new ByteLm(256, Map.of()).withCache();
            DirectExecution<Loglikelihood> cached = score(cachedLm, budget);
            DirectExecution<Loglikelihood> whole = score(new ByteLm(256, Map.of()), budget);
            assertEquals(whole.responses(), cached.responses(), "budget " + budget);
            long fed = cached.batches().stream().mapToLong(BatchStats::realTokens).sum();
            assertEquals(cached.prefixTreeTokens(), fed, "with the cache every tree token runs once");
            assertEquals(whole.prefixTreeTokens(), cached.prefixTreeTokens());
            long wholeFed = whole.batches().stream().mapToLong(BatchStats::realTokens).sum();
            assertTrue(wholeFed > 5 * fed, "the shared headers are most of the tokens: " + wholeFed + " vs " + fed);
            assertEquals(0, cachedLm.openPasts(), "every past is closed");
            for (int[] call : cachedLm.extendCalls) {
                int rows = call.length - 1;
                int longest = 0;
                long real = 0;
                for (int r = 1; r < call.length; r++) {
                    longest = Math.max(longest, call[r]);
                    real += call[r];
                }
                assertTrue(rows == 1 || (long) rows * (call[0] + longest) <= budget, "over the budget: " + rows
                        + " rows after " + call[0]);
                assertTrue(rows == 1 || real >= PrefixTreeRun.MIN_FILL * rows * longest, "too much padding");
            }
        }
    }

    @Test
    void cachedDecodingGeneratesWhatRerunningEverySequenceDoesComputingASharedHeaderOncePerBatch() {
        Map<String, String> scripts = Map.of("Q1:", " B\nmore", "Q2:", " answer is C, surely", "Q3:", " looping looping",
                "Q4:", " done");
        List<GenerateRequest> requests = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String header = i < 6 ? "A shared few-shot header. " : "";
            requests.add(new GenerateRequest(header + (char) ('a' + i) + "Q" + (i % 4 + 1) + ":", List.of("\n", ","),
                    10));
        }
        for (int budget : new int[] {1, 1 << 20}) {
            ByteLm cachedLm = new ByteLm(4096, scripts).withCache();
            DirectExecution<Generation> cached = DirectExecution.run(new CausalLmModel(cachedLm), RequestKind.GENERATE,
                    requests, budget);
            ByteLm wholeLm = new ByteLm(4096, scripts);
            DirectExecution<Generation> whole = DirectExecution.run(new CausalLmModel(wholeLm), RequestKind.GENERATE,
                    requests, budget);
            assertEquals(whole.responses(), cached.responses(), "budget " + budget);
            assertEquals(0, cachedLm.openPasts(), "every past is closed");
            long fed = cached.batches().stream().mapToLong(BatchStats::realTokens).sum();
            if (budget == 1) {
                assertTrue(fed > cached.prefixTreeTokens(), "one row per batch: the header runs for each");
            } else {
                assertEquals(cached.prefixTreeTokens(), fed, "one batch: the header runs once");
            }
        }
    }

    @Test
    void cachedDecodingKeepsALongContextAndManyNewTokensOutOfOneBatchWhereTogetherTheyExceedTheContext() {
        Map<String, String> scripts = Map.of("Q:", " " + "x".repeat(80));
        String longContext = "A long few-shot header that takes most of the context window. Q:";
        List<GenerateRequest> requests = List.of(new GenerateRequest(longContext, List.of(), 10),
                new GenerateRequest("Q:", List.of(), 40), new GenerateRequest("Q:", List.of(), 5));
        int maxContext = longContext.length() + 10;
        ByteLm cachedLm = new ByteLm(maxContext, scripts).withCache();
        DirectExecution<Generation> cached = DirectExecution.run(new CausalLmModel(cachedLm), RequestKind.GENERATE,
                requests, 1 << 20);
        DirectExecution<Generation> whole = DirectExecution.run(new CausalLmModel(new ByteLm(maxContext, scripts)),
                RequestKind.GENERATE, requests, 1 << 20);
        assertEquals(whole.responses(), cached.responses());
        assertEquals(List.of(10, 40, 5), cached.responses().stream().map(g -> g.text().length()).toList(),
                "every row generated up to its own limit");
        assertEquals(0, cachedLm.openPasts(), "every past is closed");
    }
}
