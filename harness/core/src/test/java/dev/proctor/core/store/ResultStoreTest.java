package dev.proctor.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.request.Embedding;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.Prediction;
import dev.proctor.api.request.TokenStatistics;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.task.ItemScore;
import dev.proctor.core.store.ResultStore.NewResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    @Test
    void everyResponseKindReadsBackBitForBit() {
        Map<RequestKind<?, ?>, Response> written = new LinkedHashMap<>();
        written.put(RequestKind.LOGLIKELIHOOD, new Loglikelihood(-0.1 - 0.2, 3, true, false));
        written.put(RequestKind.GENERATE, new Generation(" B\u00e9 中", Generation.Finish.STOP, 2, true));
        written.put(RequestKind.EMBED, new Embedding(new float[] {Float.MIN_VALUE, -1.5f, 0.33333334f}));
        written.put(RequestKind.RETRIEVE, new Ranking(List.of(new Ranking.Hit("d2", 0.1 + 0.2), new Ranking.Hit("d1",
                -3e-300))));
        written.put(RequestKind.PREDICT, new Prediction("boat", 0.5, List.of(new Prediction.Box("boat", 0.25, 1, 2,
                3, 4))));
        written.put(RequestKind.TOKEN_STATISTICS, new TokenStatistics(3, true, new int[] {0, 2, 5},
                new double[] {-0.1 - 0.2, -7e-310}, new double[] {0, Math.log(3)}, new double[] {1e-17, 2.5},
                new double[] {0.3, 1.0 / 3, 4}));
        try (ResultStore store = ResultStore.open(dir.resolve("s.db"))) {
            List<NewResponse> rows = new java.util.ArrayList<>();
            written.forEach((kind, r) -> rows.add(new NewResponse("m", "k-" + kind.id(), kind, r)));
            rows.add(new NewResponse("m", "minus-infinity", RequestKind.LOGLIKELIHOOD,
                    new Loglikelihood(Double.NEGATIVE_INFINITY, 1, false, false)));
            store.commit(rows, List.of());
        }
        try (ResultStore store = ResultStore.open(dir.resolve("s.db"))) {
            written.forEach((kind, r) -> assertEquals(r, store.responses("m", kind).get("k-" + kind.id()), kind.id()));
            assertEquals(Double.NEGATIVE_INFINITY, store.responses("m", RequestKind.LOGLIKELIHOOD)
                    .get("minus-infinity").logLikelihood());
            assertTrue(store.responses("other-model", RequestKind.GENERATE).isEmpty(), "keyed by model too");
        }
    }

    @Test
    void itemsReadBackWithTheirValuesPredictionAndDetails() {
        ItemScore score = new ItemScore(Map.of("acc", 1.0, "bpb", 0.1 + 0.2), 2,
                Map.of("choiceLoglik", List.of(-1.25, -0.5), "generation", "B"));
        try (ResultStore store = ResultStore.open(dir.resolve("s.db"))) {
            store.commit(List.of(), List.of(new StoredItem("t", "a/test/0", "a", "f1", score)));
        }
        try (ResultStore store = ResultStore.open(dir.resolve("s.db"))) {
            StoredItem item = store.items().get("t/a/test/0");
            assertEquals("f1", item.fingerprint());
            assertEquals(0.1 + 0.2, item.score().value("bpb"), 0.0);
            assertEquals(2, item.score().prediction());
            assertEquals(List.of(-1.25, -0.5), item.score().details().get("choiceLoglik"));
        }
    }

    @Test
    void aStoreBoundToOneRunRefusesAnotherNamingWhatDiffers() {
        RunFingerprint a = new RunFingerprint("{\"shots\":0,\"split\":\"test\"}");
        RunFingerprint b = new RunFingerprint("{\"shots\":5,\"split\":\"test\"}");
        try (ResultStore store = ResultStore.open(dir.resolve("s.db"))) {
            store.bind(a);
            store.bind(a);
            ProctorException e = assertThrows(ProctorException.class, () -> store.bind(b));
            assertTrue(e.getMessage().contains("differs in: shots"), e.getMessage());
        }
    }

    @Test
    void aStoreOfAnotherSchemaIsRefused() throws Exception {
        try (ResultStore store = ResultStore.open(dir.resolve("s.db"))) {
            store.bind(new RunFingerprint("{}"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"))) {
            c.createStatement().executeUpdate("UPDATE meta SET value = '1' WHERE key = 'schema'");
        }
        ProctorException e = assertThrows(ProctorException.class, () -> ResultStore.open(dir.resolve("s.db")));
        assertTrue(e.getMessage().contains("schema 1"), e.getMessage());
    }
}
