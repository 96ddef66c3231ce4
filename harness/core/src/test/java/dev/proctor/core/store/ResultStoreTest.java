package dev.proctor.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.core.result.ItemResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    static ItemResult result(String id, double... logLik) {
        return new ItemResult("toy", "algebra", id, "ab".repeat(32), 5, logLik, new int[] {1, 1, 2, 3},
                new int[] {1, 2, 3, 6}, 2);
    }

    @Test
    void resultsRoundTripExactlyAcrossReopening() {
        ItemResult r = result("algebra/test/0", -0.1, Double.NEGATIVE_INFINITY, -1e-300, -123.456789012345678);
        try (ResultStore store = ResultStore.open(dir.resolve("sub/results.db"))) {
            store.putAll(List.of(r));
        }
        try (ResultStore store = ResultStore.open(dir.resolve("sub/results.db"))) {
            Map<String, ItemResult> all = store.loadAll();
            ItemResult back = all.get("toy/algebra/test/0");
            assertArrayEquals(r.choiceLogLik(), back.choiceLogLik());
            assertArrayEquals(r.choiceChars(), back.choiceChars());
            assertArrayEquals(r.choiceBytes(), back.choiceBytes());
            assertEquals(List.of(r.task(), r.subject(), r.itemId(), r.promptSha256(), r.shotsUsed(), r.gold()),
                    List.of(back.task(), back.subject(), back.itemId(), back.promptSha256(), back.shotsUsed(),
                            back.gold()));
        }
    }

    @Test
    void putAllReplacesAnItemsEarlierResult() {
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            store.putAll(List.of(result("a", -1, -2, -3, -4)));
            store.putAll(List.of(result("a", -4, -3, -2, -1)));
            assertEquals(1, store.loadAll().size());
            assertEquals(-4, store.loadAll().get("toy/a").choiceLogLik()[0]);
        }
    }

    @Test
    void putAllIsOneTransaction() {
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            ItemResult broken = new ItemResult(null, "algebra", "b", "x", 0, new double[] {-1}, new int[] {1},
                    new int[] {1}, 0);
            assertThrows(ProctorException.class, () -> store.putAll(List.of(result("a", -1, -2, -3, -4), broken)));
            assertEquals(0, store.loadAll().size());
            store.putAll(List.of(result("a", -1, -2, -3, -4)));
            assertEquals(1, store.loadAll().size());
        }
    }

    @Test
    void aStoreOpenedWithAnotherFingerprintIsRefused() {
        ResultStore.open(dir.resolve("r.db"), "abc").close();
        ResultStore.open(dir.resolve("r.db"), "abc").close();
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            assertEquals("abc", store.fingerprint().orElseThrow());
        }
        ProctorException e = assertThrows(ProctorException.class, () -> ResultStore.open(dir.resolve("r.db"), "xyz"));
        assertTrue(e.getMessage().contains("this directory holds a different run"), e.getMessage());
    }

    @Test
    void aStoreBoundToAnotherPlanIsRefusedNamingWhatDiffers() {
        RunFingerprint mine = new RunFingerprint("{\"shots\":5,\"split\":\"test\",\"seed\":1}");
        RunFingerprint other = new RunFingerprint("{\"shots\":0,\"split\":\"test\",\"seed\":2}");
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"), "abc")) {
            store.bind(mine);
        }
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            store.bind(mine);
            assertEquals(mine, store.run().orElseThrow());
            ProctorException e = assertThrows(ProctorException.class, () -> store.bind(other));
            assertTrue(e.getMessage().contains("this directory holds a different run"), e.getMessage());
            assertTrue(e.getMessage().contains("differs in: seed, shots"), e.getMessage());
        }
    }

    @Test
    void theJournalIsWriteAhead() throws Exception {
        ResultStore.open(dir.resolve("r.db")).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("r.db"));
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }
}
