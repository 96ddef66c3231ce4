package dev.proctor.cli.served;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Watches a run's store from outside: how many responses it holds so far. */
final class StoreCount {
    private StoreCount() {
    }

    static long responses(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM responses")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // not created yet, or locked: look again
        }
    }

    /** Waits until the store holds at least {@code n} responses, while {@code alive} holds. */
    static long await(Path db, long n, BooleanSupplier alive) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            long have = responses(db);
            if (have >= n) {
                return have;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the store did not reach " + n + " responses");
    }
}
