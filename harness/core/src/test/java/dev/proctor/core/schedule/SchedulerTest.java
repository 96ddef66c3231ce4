package dev.proctor.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.request.Embedding;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.task.ItemScore;
import dev.proctor.core.evaluate.PreparedRun;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.plan.PlannedItem;
import dev.proctor.core.store.ResultStore;
import dev.proctor.core.store.StoredItem;
import dev.proctor.core.testkit.FakeModel;
import dev.proctor.core.testkit.Fixtures;
import dev.proctor.core.testkit.LineTask;
import dev.proctor.core.testkit.Runs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduler's promises, for every request kind: identical requests run once, every response and completed item
 * is stored as it arrives, stored ones are never recomputed, a crash loses nothing completed, and a model's answers
 * are checked before anything is scored from them.
 */
class SchedulerTest {
    private static final int ROWS = 5;
    private static final int ITEMS = 3 * ROWS;
    private static final RunConfig CONFIG = Fixtures.config(List.of("lines"), 2);

    @TempDir
    Path dir;
    private Path data;

    @BeforeEach
    void data() throws IOException {
        data = Fixtures.writeLines(dir.resolve("data"), ROWS);
    }

    private static LineTask task(RequestKind<?, ?> kind) {
        return new LineTask("lines", kind, Fixtures.ALGEBRA, Fixtures.HISTORY, Fixtures.MUSIC);
    }

    private RunOutcome run(RequestKind<?, ?> kind, FakeModel model, String db) {
        PreparedRun run = Runs.prepare(data, CONFIG, model, task(kind));
        return Runs.schedule(run, dir.resolve(db));
    }

    @ParameterizedTest
    @ValueSource(strings = {"loglikelihood", "generate", "embed", "retrieve", "predict"})
    void everyKindIsComputedOnceStoredAndThenReused(String kindId) {
        RequestKind<?, ?> kind = RequestKind.of(kindId);
        FakeModel model = FakeModel.all();
        RunOutcome first = run(kind, model, "r.db");
        long perItem = kind == RequestKind.LOGLIKELIHOOD ? 2 : 1;
        assertEquals(ITEMS, first.stats().computedItems());
        assertEquals(ITEMS * perItem, first.stats().requests());
        assertEquals(ITEMS * perItem, first.stats().computedResponses());
        assertEquals(ITEMS * perItem, model.received(kind).size());
        int calls = model.calls();

        RunOutcome again = run(kind, model, "r.db");
        assertEquals(calls, model.calls(), "nothing is sent again");
        assertEquals(0, again.stats().computedItems());
        assertEquals(ITEMS, again.stats().reusedItems());
        assertEquals(ITEMS * perItem, again.stats().reusedResponses());
        assertEquals(values(first), values(again));
        assertEquals(first.responses(), again.responses(), "responses read back equal");
    }

    @Test
    void identicalRequestsRunOnceAndAnswerEveryItemThatMakesThem() throws IOException {
        LineTask.write(data, "test", "algebra", "same text|yes", "same text|no", "other|yes");
        FakeModel model = FakeModel.all();
        RunOutcome outcome = run(RequestKind.LOGLIKELIHOOD, model, "r.db");
        int distinct = (3 + 2 * ROWS) * 2 - 2;
        assertEquals(distinct, model.received(RequestKind.LOGLIKELIHOOD).size());
        assertEquals(distinct, new HashSet<>(model.received(RequestKind.LOGLIKELIHOOD)).size());
        assertEquals(outcome.responses().get(0), outcome.responses().get(1), "both items got the shared responses");
        assertEquals(1.0, outcome.scores().get(0).value("hit") + outcome.scores().get(1).value("hit"),
                "same responses, opposite gold: exactly one is right");
    }

    @Test
    void aCrashKeepsEveryCompletedResponseAndTheResumeComputesOnlyTheRest() {
        List<Double> clean = values(run(RequestKind.LOGLIKELIHOOD, FakeModel.all(), "clean.db"));
        FakeModel crashing = FakeModel.all().chunk(4).failAfter(3);
        assertThrows(IllegalStateException.class, () -> run(RequestKind.LOGLIKELIHOOD, crashing, "r.db"));
        int stored;
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            stored = store.responses(dev.proctor.core.store.Canonical.modelKey(crashing.info()),
                    RequestKind.LOGLIKELIHOOD).size();
            assertEquals(12, stored, "three calls of four responses were stored before the crash");
            assertTrue(store.items().size() >= 5, "items whose responses were all in were stored too");
        }
        FakeModel resumed = FakeModel.all();
        RunOutcome outcome = run(RequestKind.LOGLIKELIHOOD, resumed, "r.db");
        assertEquals(2 * ITEMS - stored, resumed.received(RequestKind.LOGLIKELIHOOD).size());
        assertEquals(stored, outcome.stats().reusedResponses());
        assertEquals(clean, values(outcome));
    }

    @Test
    void aRetrieversCorpusEmbeddingsAreStoredSoAResumeDoesNotEmbedThemAgain() {
        FakeModel crashing = new FakeModel("dense", RequestKind.RETRIEVE, RequestKind.EMBED)
                .retrieveByEmbedding().chunk(2).failAfter(3);
        assertThrows(IllegalStateException.class, () -> run(RequestKind.RETRIEVE, crashing, "r.db"));
        assertEquals(ROWS, crashing.received(RequestKind.EMBED).size(), "the first subject's passages were embedded");

        FakeModel resumed = new FakeModel("dense", RequestKind.RETRIEVE, RequestKind.EMBED).retrieveByEmbedding();
        RunOutcome outcome = run(RequestKind.RETRIEVE, resumed, "r.db");
        assertEquals(2 * ROWS, resumed.received(RequestKind.EMBED).size(), "only the other two subjects' passages");
        assertEquals(ITEMS - 2, resumed.received(RequestKind.RETRIEVE).size());
        FakeModel clean = new FakeModel("dense", RequestKind.RETRIEVE, RequestKind.EMBED).retrieveByEmbedding();
        assertEquals(values(run(RequestKind.RETRIEVE, clean, "clean.db")), values(outcome));
        assertEquals(3 * ROWS + ITEMS, clean.received(RequestKind.EMBED).size() + clean.received(RequestKind.RETRIEVE)
                .size(), "a clean run embeds every passage once and retrieves every query once");
    }

    @Test
    void aStaleItemIsScoredAgainFromItsStoredResponses() {
        FakeModel model = FakeModel.all();
        RunOutcome first = run(RequestKind.GENERATE, model, "r.db");
        PreparedRun run = Runs.prepare(data, CONFIG, model, task(RequestKind.GENERATE));
        PlannedItem item = run.plan().items().get(3);
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            store.commit(List.of(), List.of(new StoredItem(item.task(), item.item().id(), item.item().subject(),
                    "stale", first.scores().get(3))));
        }
        int calls = model.calls();
        RunOutcome again = run(RequestKind.GENERATE, model, "r.db");
        assertEquals(1, again.stats().computedItems());
        assertEquals(0, again.stats().computedResponses());
        assertEquals(calls, model.calls());
    }

    @Test
    void responsesThatDoNotFitTheirRequestAreRefusedAndNothingIsScoredFromThem() {
        FakeModel foreign = FakeModel.all().tamper(r -> r instanceof Ranking
                ? new Ranking(List.of(new Ranking.Hit("not-a-document", 1))) : r);
        ProctorException e = assertThrows(ProctorException.class, () -> run(RequestKind.RETRIEVE, foreign, "a.db"));
        assertTrue(e.getMessage().contains("not-a-document is not in corpus"), e.getMessage());

        FakeModel wrongType = FakeModel.all().tamper(r -> new Loglikelihood(-1, 1, true, false));
        e = assertThrows(ProctorException.class, () -> run(RequestKind.GENERATE, wrongType, "b.db"));
        assertTrue(e.getMessage().contains("invalid generate response"), e.getMessage());

        int[] n = {0};
        FakeModel changing = FakeModel.all().tamper(r -> r instanceof Embedding
                ? new Embedding(n[0]++ % 2 == 0 ? new float[] {1, 0} : new float[] {1, 0, 0}) : r);
        e = assertThrows(ProctorException.class, () -> run(RequestKind.EMBED, changing, "c.db"));
        assertTrue(e.getMessage().contains("embedding of 3 components after ones of 2"), e.getMessage());
        try (ResultStore store = ResultStore.open(dir.resolve("c.db"))) {
            assertTrue(store.items().isEmpty(), "no item was scored");
        }
    }

    @Test
    void aModelThatLeavesRequestsUnansweredIsAnError() {
        FakeModel lazy = new FakeModel("lazy", RequestKind.PREDICT).answerAtMost(3);
        ProctorException e = assertThrows(ProctorException.class, () -> run(RequestKind.PREDICT, lazy, "r.db"));
        assertTrue(e.getMessage().contains("left " + (ITEMS - 3) + " of " + ITEMS + " predict requests unanswered"),
                e.getMessage());
    }

    @Test
    void theListenerIsToldWhatIsPendingAndEveryCompletion() {
        FakeModel model = FakeModel.all().chunk(3);
        PreparedRun run = Runs.prepare(data, CONFIG, model, task(RequestKind.PREDICT));
        long[] seen = new long[3];
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            run.schedule(store, new ProgressListener() {
                @Override
                public void started(long pending, long alreadyDone) {
                    seen[0] = pending;
                    seen[1] = alreadyDone;
                }

                @Override
                public void advanced(long items) {
                    seen[2] += items;
                }
            });
        }
        assertEquals(ITEMS, seen[0]);
        assertEquals(0, seen[1]);
        assertEquals(ITEMS, seen[2]);
    }

    static List<Double> values(RunOutcome outcome) {
        List<Double> out = new ArrayList<>();
        for (ItemScore s : outcome.scores()) {
            out.add(s.value("hit"));
            out.add(s.value("value"));
        }
        return out;
    }
}
