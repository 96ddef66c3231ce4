package dev.proctor.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.core.result.ItemResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;

/**
 * Item results of one run in a SQLite file, with two guards against mixing runs: the caller's fingerprint
 * ({@link #open(Path, String)}) and the plan's ({@link #bind}, called by the scheduler).
 *
 * <p>WAL journal with {@code synchronous=NORMAL}: a commit returns once its WAL frames are written to the operating
 * system, so it survives {@code kill -9} of the JVM (the OS still holds the data); only a power loss or OS crash can
 * roll back the last few commits, never corrupt the file, and those items are simply scored again on resume. FULL
 * would add an fsync per batch for protection that resuming already gives.
 */
public final class ResultStore implements AutoCloseable {
    private static final String SCHEMA = "1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Connection db;

    private ResultStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating if needed) a store. The scheduler {@linkplain #bind binds} it to the plan it runs. */
    public static ResultStore open(Path dbFile) {
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(30_000);
            Connection db = config.createConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
            ResultStore store = new ResultStore(dbFile, db);
            try {
                store.createSchema();
            } catch (SQLException | RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (SQLException | IOException e) {
            throw new ProctorException("cannot open result store " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a store that must belong to the run named by {@code fingerprint} (any string the caller derives from
     * what determines the numbers): the first open records it; an open with another one is refused, so resuming
     * with a different command never mixes results.
     */
    public static ResultStore open(Path dbFile, String fingerprint) {
        ResultStore store = open(dbFile);
        try {
            store.claim("fingerprint", fingerprint, stored -> new ProctorException(
                    "this directory holds a different run (" + dbFile + " has fingerprint " + stored + ", this run is "
                            + fingerprint + "); use another output directory, or repeat the original command"));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private void createSchema() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.executeUpdate("CREATE TABLE IF NOT EXISTS results ("
                    + "task TEXT NOT NULL, item_id TEXT NOT NULL, subject TEXT NOT NULL, prompt_sha256 TEXT NOT NULL,"
                    + " shots_used INTEGER NOT NULL, gold INTEGER NOT NULL, choice_loglik TEXT NOT NULL,"
                    + " choice_chars TEXT NOT NULL, choice_bytes TEXT NOT NULL, PRIMARY KEY (task, item_id))");
            st.executeUpdate("INSERT OR IGNORE INTO meta VALUES ('schema', '" + SCHEMA + "')");
        }
        String schema = meta("schema").orElse(SCHEMA);
        if (!schema.equals(SCHEMA)) {
            throw new ProctorException(file + " is a result store of schema " + schema + "; this Proctor reads " + SCHEMA);
        }
    }

    /**
     * Ties the store to the plan being run (the scheduler calls this): the first call records the plan's
     * fingerprint, a later one (also after reopening) must give the same, otherwise nothing is scored and the error
     * says which facts differ. Independent of the caller's fingerprint of {@link #open(Path, String)}.
     */
    public void bind(RunFingerprint run) {
        claim("run", run.json(), stored -> new ProctorException("this directory holds a different run (" + file
                + "; differs in: " + String.join(", ", run.differences(new RunFingerprint(stored)))
                + "); use another output directory, or repeat the original command to resume it"));
    }

    /** The caller's fingerprint given to {@link #open(Path, String)}, if any. */
    public Optional<String> fingerprint() {
        return meta("fingerprint");
    }

    /** The plan this store is bound to, if any. */
    public Optional<RunFingerprint> run() {
        return meta("run").map(RunFingerprint::new);
    }

    private void claim(String key, String value, Function<String, ProctorException> mismatch) {
        Optional<String> stored = meta(key);
        if (stored.isEmpty()) {
            sql(() -> {
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
                    ps.setString(1, key);
                    ps.setString(2, value);
                    ps.executeUpdate();
                }
                return null;
            });
        } else if (!stored.get().equals(value)) {
            throw mismatch.apply(stored.get());
        }
    }

    /** Every stored result, keyed {@code task + "/" + itemId}. */
    public Map<String, ItemResult> loadAll() {
        return sql(() -> {
            Map<String, ItemResult> out = new LinkedHashMap<>();
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT task, subject, item_id, prompt_sha256, shots_used,"
                         + " choice_loglik, choice_chars, choice_bytes, gold FROM results ORDER BY rowid")) {
                while (rs.next()) {
                    ItemResult r = new ItemResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), read(rs.getString(6), double[].class), read(rs.getString(7), int[].class),
                            read(rs.getString(8), int[].class), rs.getInt(9));
                    out.put(r.task() + "/" + r.itemId(), r);
                }
            }
            return out;
        });
    }

    /** Stores results in one transaction (replacing results of the same items). */
    public void putAll(List<ItemResult> results) {
        if (results.isEmpty()) {
            return;
        }
        sql(() -> {
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO results (task, item_id, subject,"
                    + " prompt_sha256, shots_used, gold, choice_loglik, choice_chars, choice_bytes)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ItemResult r : results) {
                    ps.setString(1, r.task());
                    ps.setString(2, r.itemId());
                    ps.setString(3, r.subject());
                    ps.setString(4, r.promptSha256());
                    ps.setInt(5, r.shotsUsed());
                    ps.setInt(6, r.gold());
                    ps.setString(7, write(r.choiceLogLik()));
                    ps.setString(8, write(r.choiceChars()));
                    ps.setString(9, write(r.choiceBytes()));
                    ps.addBatch();
                }
                ps.executeBatch();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
            return null;
        });
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new ProctorException("cannot close result store " + file + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> meta(String key) {
        return sql(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    // Doubles as JSON numbers round-trip exactly (shortest repr); -Infinity is written as a string and read back.
    private static String write(Object array) {
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new ProctorException(file + ": a stored result is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T sql(SqlAction<T> action) {
        try {
            return action.run();
        } catch (SQLException e) {
            throw new ProctorException("result store " + file + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlAction<T> {
        T run() throws SQLException;
    }
}
