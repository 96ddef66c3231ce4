package dev.proctor.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.task.ItemScore;
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
 * One run's store, an SQLite file beside its report. It keeps every response, keyed by the model's key and the
 * request's key ({@link Canonical}), and every scored item, under one run fingerprint. Each commit is one
 * transaction, so a process killed at any moment leaves every committed response and item readable, and the
 * same command resumes computing only what is missing.
 *
 * <p>WAL journal with {@code synchronous=NORMAL}: a commit returns once its WAL frames are written to the operating
 * system, so it survives {@code kill -9} of the JVM (the OS still holds the data); only a power loss or OS crash can
 * roll back the last few commits, never corrupt the file, and those are simply computed again on resume.
 */
public final class ResultStore implements AutoCloseable {
    /** Version of the tables and keys; a store of another version is refused, never half-read. */
    public static final String SCHEMA = "2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Path file;
    private final Connection db;

    private ResultStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating if needed) the store at {@code dbFile}. */
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

    private void createSchema() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.executeUpdate("INSERT OR IGNORE INTO meta VALUES ('schema', '" + SCHEMA + "')");
        }
        String schema = meta("schema").orElse(SCHEMA);
        if (!schema.equals(SCHEMA)) {
            throw new ProctorException(file + " is a result store of schema " + schema + "; this Proctor reads schema "
                    + SCHEMA + " (use another output directory)");
        }
        try (Statement st = db.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS responses (model TEXT NOT NULL, request TEXT NOT NULL,"
                    + " kind TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (model, request))");
            st.executeUpdate("CREATE TABLE IF NOT EXISTS items (task TEXT NOT NULL, item_id TEXT NOT NULL,"
                    + " subject TEXT NOT NULL, fingerprint TEXT NOT NULL, score TEXT NOT NULL,"
                    + " PRIMARY KEY (task, item_id))");
        }
    }

    /**
     * Ties the store to the run being made: the first call records the run's fingerprint, a later one (also after
     * reopening) must give the same, otherwise nothing is scored and the error says which facts differ.
     */
    public void bind(RunFingerprint run) {
        claim("run", run.json(), stored -> new ProctorException("this directory holds a different run (" + file
                + "; differs in: " + String.join(", ", run.differences(new RunFingerprint(stored)))
                + "); use another output directory, or repeat the original command to resume it"));
    }

    /** The run this store is bound to, if any. */
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

    /** The stored responses of {@code model} to requests of {@code kind}, by request key. */
    public <A extends Response> Map<String, A> responses(String model, RequestKind<?, A> kind) {
        return sql(() -> {
            Map<String, A> out = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT request, body FROM responses WHERE model = ? AND kind = ? ORDER BY rowid")) {
                ps.setString(1, model);
                ps.setString(2, kind.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), ResponseCodec.decode(kind, rs.getBytes(2), file.toString()));
                    }
                }
            }
            return out;
        });
    }

    /** Every stored item, keyed {@code task/itemId}. */
    public Map<String, StoredItem> items() {
        return sql(() -> {
            Map<String, StoredItem> out = new LinkedHashMap<>();
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT task, item_id, subject, fingerprint, score FROM items"
                         + " ORDER BY rowid")) {
                while (rs.next()) {
                    StoredItem item = new StoredItem(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), readScore(rs.getString(5)));
                    out.put(item.key(), item);
                }
            }
            return out;
        });
    }

    /** A response to store, under its model's and its request's keys. */
    public record NewResponse(String model, String request, RequestKind<?, ?> kind, Response response) {
    }

    /** Stores responses and items in one transaction (replacing earlier ones with the same keys). */
    public void commit(List<NewResponse> responses, List<StoredItem> items) {
        if (responses.isEmpty() && items.isEmpty()) {
            return;
        }
        sql(() -> {
            db.setAutoCommit(false);
            try (PreparedStatement r = db.prepareStatement(
                    "INSERT OR REPLACE INTO responses (model, request, kind, body) VALUES (?, ?, ?, ?)");
                 PreparedStatement i = db.prepareStatement("INSERT OR REPLACE INTO items (task, item_id, subject,"
                         + " fingerprint, score) VALUES (?, ?, ?, ?, ?)")) {
                for (NewResponse n : responses) {
                    r.setString(1, n.model());
                    r.setString(2, n.request());
                    r.setString(3, n.kind().id());
                    r.setBytes(4, ResponseCodec.encode(n.response()));
                    r.addBatch();
                }
                r.executeBatch();
                for (StoredItem s : items) {
                    i.setString(1, s.task());
                    i.setString(2, s.itemId());
                    i.setString(3, s.subject());
                    i.setString(4, s.fingerprint());
                    i.setString(5, writeScore(s.score()));
                    i.addBatch();
                }
                i.executeBatch();
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

    // Doubles as JSON numbers round-trip exactly (shortest repr); non-finite values are written as strings.
    private static String writeScore(ItemScore score) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("values", score.values());
        m.put("prediction", score.prediction());
        m.put("details", score.details());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an item score is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private ItemScore readScore(String json) {
        try {
            Map<String, Object> m = JSON.readValue(json, MAP);
            Map<String, Double> values = new LinkedHashMap<>();
            ((Map<String, Object>) m.get("values")).forEach((k, v) -> values.put(k, number(v)));
            return new ItemScore(values, m.get("prediction"), (Map<String, Object>) m.get("details"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new ProctorException(file + ": a stored item is not valid: " + e.getMessage(), e);
        }
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
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
