package dev.proctor.core.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ScoreQuery;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.PlannedItem;
import dev.proctor.core.plan.Planner;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.result.ItemResult;
import dev.proctor.core.run.ProgressListener;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import dev.proctor.core.store.ResultStore;
import dev.proctor.core.testkit.FakeLanguageModel;
import dev.proctor.core.testkit.FakeTask;
import dev.proctor.core.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchedulerTest {
    private static final int ITEMS = 18; // 3 subjects x 6

    @TempDir
    Path dir;
    private Path data;
    private TaskRegistry tasks = TaskRegistry.of(List.of(Fixtures.toyTask()));
    /**
     * Labels of three UTF-8 bytes whose first two bytes differ (丁 would share E4 B8 with 丙): continuations " 甲"
     * etc. are four tokens that differ before the last one, so no two choices share a sequence.
     */
    private static final List<String> CJK = List.of("甲", "乙", "丙", "戊");

    @BeforeEach
    void data() throws IOException {
        data = Fixtures.writeToyData(dir.resolve("data"), 6, 5);
    }

    private RunConfig config(PromptFormat format, ScoringMode scoring, int shots, int batchTokens) {
        return Fixtures.config(List.of("toy"), data, format, scoring, shots, batchTokens);
    }

    private RunOutcome run(RunConfig config, FakeLanguageModel model, String store) {
        return run(config, model, store, ProgressListener.NONE);
    }

    private RunOutcome run(RunConfig config, FakeLanguageModel model, String store, ProgressListener listener) {
        EvaluationPlan plan = Planner.plan(config, tasks, model);
        try (ResultStore s = ResultStore.open(dir.resolve(store))) {
            return new Scheduler().run(plan, model, s, listener);
        }
    }

    @Test
    void letterModeRunsOneSequencePerItem() {
        FakeLanguageModel model = new FakeLanguageModel();
        RunConfig config = config(PromptFormat.OFFICIAL, ScoringMode.LETTER, 2, RunConfig.DEFAULT_BATCH_TOKENS);
        RunOutcome outcome = run(config, model, "r.db");
        assertEquals(ITEMS, outcome.stats().items());
        assertEquals(ITEMS, outcome.stats().sequences());
        assertEquals(1.0, outcome.stats().forwardsPerItem());
        assertEquals(ITEMS, model.sequencesSent());
        model.batches().forEach(b -> b.forEach(q -> assertEquals(4, q.targets().length)));

        PlannedItem first = Planner.plan(config, tasks, model).items().get(0);
        int[] ctx = model.encode(first.prompt().context());
        double[] expected = new double[4];
        for (int c = 0; c < 4; c++) {
            expected[c] = FakeLanguageModel.logProb(ctx, ctx.length - 1, "ABCD".charAt(c));
        }
        assertArrayEquals(expected, outcome.results().get(0).choiceLogLik());
        assertEquals(first.key(), "toy/" + outcome.results().get(0).itemId());
    }

    @Test
    void loglikWithMultiTokenContinuationsRunsOneSequencePerChoiceAndSumsThem() {
        tasks = TaskRegistry.of(List.of(Fixtures.toyTask().letters(CJK)));
        FakeLanguageModel model = new FakeLanguageModel();
        RunConfig config = config(PromptFormat.LM_EVAL, ScoringMode.LOGLIK, 1, RunConfig.DEFAULT_BATCH_TOKENS);
        RunOutcome outcome = run(config, model, "r.db");
        assertEquals(4L * ITEMS, outcome.stats().sequences());
        assertEquals(4.0, outcome.stats().forwardsPerItem());

        PlannedItem first = Planner.plan(config, tasks, model).items().get(0);
        String context = first.prompt().context();
        int contextLength = model.encode(context).length;
        for (int c = 0; c < 4; c++) {
            int[] whole = model.encode(context + " " + CJK.get(c));
            double sum = 0;
            for (int t = contextLength; t < whole.length; t++) {
                sum += FakeLanguageModel.logProb(whole, t - 1, whole[t]);
            }
            assertEquals(sum, outcome.results().get(0).choiceLogLik()[c], 1e-12);
        }
        ItemResult r = outcome.results().get(0);
        assertArrayEquals(new int[] {1, 1, 1, 1}, r.choiceChars()); // " 甲" scored as "甲"
        assertArrayEquals(new int[] {3, 3, 3, 3}, r.choiceBytes());
    }

    @Test
    void continuationsThatDifferOnlyInTheirLastTokenShareOneForward() {
        // " A".." D" are two byte-tokens each; (ctx + cont)[:-1] is ctx + " " for all four, as lm-eval groups them
        FakeLanguageModel model = new FakeLanguageModel();
        RunOutcome outcome = run(config(PromptFormat.LM_EVAL, ScoringMode.LOGLIK, 1, 4096), model, "r.db");
        assertEquals(ITEMS, outcome.stats().sequences());
        model.batches().forEach(b -> b.forEach(q -> assertEquals(5, q.targets().length))); // " ", A, B, C, D
    }

    @Test
    void loglikWithOneTokenContinuationsSharesOneForwardAndMatchesLetterMode() {
        FakeLanguageModel model = new FakeLanguageModel();
        RunOutcome loglik = run(config(PromptFormat.OFFICIAL, ScoringMode.LOGLIK, 0, 4096), model, "a.db");
        assertEquals(ITEMS, loglik.stats().sequences());
        RunOutcome letter = run(config(PromptFormat.OFFICIAL, ScoringMode.LETTER, 0, 4096), model, "b.db");
        for (int i = 0; i < ITEMS; i++) {
            assertArrayEquals(letter.results().get(i).choiceLogLik(), loglik.results().get(i).choiceLogLik());
        }
    }

    @Test
    void identicalSequencesAreSentOnceAndFannedOut() throws IOException {
        String[] rows = Fixtures.lines("same", 2);
        FakeTask.write(data, Split.TEST, "algebra", rows[0], rows[1], rows[0]);
        FakeLanguageModel model = new FakeLanguageModel();
        RunConfig config = Fixtures.config(List.of("toy:algebra"), data, PromptFormat.OFFICIAL, ScoringMode.LETTER,
                0, 4096);
        RunOutcome outcome = run(config, model, "r.db");
        assertEquals(3, outcome.stats().items());
        assertEquals(2, outcome.stats().sequences());
        assertEquals(2, model.sequencesSent());
        assertArrayEquals(outcome.results().get(0).choiceLogLik(), outcome.results().get(2).choiceLogLik());
        assertNotEquals(outcome.results().get(0).itemId(), outcome.results().get(2).itemId());
    }

    @Test
    void resultsDoNotDependOnTheBatchBudget() {
        tasks = TaskRegistry.of(List.of(Fixtures.toyTask().letters(CJK)));
        RunConfig one = config(PromptFormat.LM_EVAL, ScoringMode.LOGLIK, 3, 1);
        RunConfig big = config(PromptFormat.LM_EVAL, ScoringMode.LOGLIK, 3, RunConfig.DEFAULT_BATCH_TOKENS);
        FakeLanguageModel alone = new FakeLanguageModel();
        FakeLanguageModel batched = new FakeLanguageModel();
        RunOutcome a = run(one, alone, "a.db");
        RunOutcome b = run(big, batched, "b.db");
        assertEquals(a.stats().sequences(), alone.calls()); // budget 1: every sequence alone
        assertTrue(batched.calls() < alone.calls() / 4, batched.calls() + " batches");
        assertSameResults(a.results(), b.results());
    }

    @Test
    void batchesRespectTheBudgetLongestFirstAndStatsAreHonest() {
        int budget = 700;
        FakeLanguageModel model = new FakeLanguageModel();
        RunOutcome outcome = run(config(PromptFormat.LM_EVAL, ScoringMode.LOGLIK, 2, budget), model, "r.db");
        long real = 0;
        long padded = 0;
        int previous = Integer.MAX_VALUE;
        for (List<ScoreQuery> batch : model.batches()) {
            int longest = batch.stream().mapToInt(q -> q.tokens().length).max().orElseThrow();
            assertTrue(batch.size() == 1 || batch.size() * longest <= budget, batch.size() + " x " + longest);
            for (ScoreQuery q : batch) {
                assertTrue(q.tokens().length <= previous);
                previous = q.tokens().length;
                real += q.tokens().length;
            }
            padded += (long) batch.size() * longest;
        }
        assertTrue(model.calls() > 5);
        assertEquals(model.calls(), outcome.stats().batches());
        assertEquals(model.sequencesSent(), outcome.stats().sequences());
        assertEquals(real, outcome.stats().realTokens());
        assertEquals(padded, outcome.stats().paddedTokens());
        assertTrue(outcome.stats().forwardNanos() <= outcome.stats().totalNanos());
    }

    @ParameterizedTest
    @EnumSource(ScoringMode.class)
    void aKilledRunResumesWithOnlyTheMissingItems(ScoringMode scoring) {
        tasks = TaskRegistry.of(List.of(Fixtures.toyTask().letters(CJK)));
        int perItem = scoring == ScoringMode.LETTER ? 1 : 4;
        RunConfig config = config(PromptFormat.LM_EVAL, scoring, 1, 300);
        List<ItemResult> reference = run(config, new FakeLanguageModel(), "reference.db").results();

        FakeLanguageModel crashing = new FakeLanguageModel().failAfter(3 * perItem); // about one sequence per batch
        assertThrows(IllegalStateException.class, () -> run(config, crashing, "run.db"));
        int stored;
        try (ResultStore store = ResultStore.open(dir.resolve("run.db"))) {
            stored = store.loadAll().size();
        }
        assertTrue(stored > 0 && stored < ITEMS, stored + " stored");

        FakeLanguageModel resumed = new FakeLanguageModel();
        long[] started = new long[2];
        long[] advanced = new long[1];
        RunOutcome outcome = run(config, resumed, "run.db", new ProgressListener() {
            @Override
            public void started(long pending, long alreadyDone) {
                started[0] = pending;
                started[1] = alreadyDone;
            }

            @Override
            public void advanced(long items) {
                advanced[0] += items;
            }
        });
        int missing = ITEMS - stored;
        assertEquals((long) perItem * missing, resumed.sequencesSent());
        assertEquals(stored, outcome.stats().resumedItems());
        assertEquals(missing, outcome.stats().items());
        assertArrayEquals(new long[] {missing, stored}, started);
        assertEquals(missing, advanced[0]);
        assertSameResults(reference, outcome.results());

        FakeLanguageModel again = new FakeLanguageModel();
        run(config, again, "run.db");
        assertEquals(0, again.calls());
    }

    @Test
    void aStoredResultWithAnotherPromptIsScoredAgain() {
        RunConfig config = config(PromptFormat.OFFICIAL, ScoringMode.LETTER, 0, 4096);
        List<ItemResult> reference = run(config, new FakeLanguageModel(), "reference.db").results();
        ItemResult good = reference.get(0);
        ItemResult stale = reference.get(1);
        try (ResultStore store = ResultStore.open(dir.resolve("run.db"))) {
            store.putAll(List.of(good, new ItemResult(stale.task(), stale.subject(), stale.itemId(), "0".repeat(64),
                    0, new double[] {0, 0, 0, 0}, stale.choiceChars(), stale.choiceBytes(), stale.gold())));
        }
        FakeLanguageModel model = new FakeLanguageModel();
        RunOutcome outcome = run(config, model, "run.db");
        assertEquals(ITEMS - 1, model.sequencesSent());
        assertSameResults(reference, outcome.results());
    }

    @Test
    void aStoreOfAnotherRunIsRefused() {
        run(config(PromptFormat.OFFICIAL, ScoringMode.LETTER, 0, 4096), new FakeLanguageModel(), "r.db");
        FakeLanguageModel model = new FakeLanguageModel();
        ProctorException e = assertThrows(ProctorException.class,
                () -> run(config(PromptFormat.OFFICIAL, ScoringMode.LETTER, 2, 4096), model, "r.db"));
        assertTrue(e.getMessage().contains("different run") && e.getMessage().contains("shots"), e.getMessage());
        assertEquals(0, model.calls());
        // the batch budget is not part of the run's identity
        run(config(PromptFormat.OFFICIAL, ScoringMode.LETTER, 0, 64), new FakeLanguageModel(), "r.db");
    }

    @Test
    void aPlanWithoutGoldIsNotScored() throws IOException {
        FakeTask.write(data, Split.TEST, "algebra", "q|a|b|c|d|");
        RunConfig config = Fixtures.config(List.of("toy:algebra"), data, PromptFormat.OFFICIAL, ScoringMode.LETTER,
                0, 4096);
        FakeLanguageModel model = new FakeLanguageModel();
        EvaluationPlan plan = Planner.plan(config, tasks, model, false);
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            assertThrows(ProctorException.class,
                    () -> new Scheduler().run(plan, model, store, ProgressListener.NONE));
        }
        assertEquals(0, model.calls());
    }

    @Test
    void overlongPromptsAreTruncatedWithoutFailingTheModel() {
        FakeLanguageModel model = new FakeLanguageModel(40); // shorter than any zero-shot prompt
        RunConfig config = config(PromptFormat.LM_EVAL, ScoringMode.LOGLIK, 2, 4096);
        EvaluationPlan plan = Planner.plan(config, tasks, model);
        assertEquals(ITEMS, plan.truncatedItems());
        RunOutcome outcome = run(config, model, "r.db");
        assertEquals(ITEMS, outcome.results().size());
        model.batches().forEach(b -> b.forEach(q -> assertTrue(q.tokens().length <= 40)));
    }

    static void assertSameResults(List<ItemResult> expected, List<ItemResult> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            ItemResult e = expected.get(i);
            ItemResult a = actual.get(i);
            assertEquals(List.of(e.task(), e.subject(), e.itemId(), e.promptSha256(), e.shotsUsed(), e.gold()),
                    List.of(a.task(), a.subject(), a.itemId(), a.promptSha256(), a.shotsUsed(), a.gold()));
            assertArrayEquals(e.choiceLogLik(), a.choiceLogLik(), e.itemId());
            assertArrayEquals(e.choiceChars(), a.choiceChars());
            assertArrayEquals(e.choiceBytes(), a.choiceBytes());
        }
    }
}
