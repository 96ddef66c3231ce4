package dev.proctor.datasets;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The contents of {@code datasets.lock}: every dataset Proctor may score, pinned file by file. Written sorted
 * (datasets by id, files by path) in one fixed layout, so a re-lock changes only the lines that changed.
 */
@JsonPropertyOrder({"lockVersion", "datasets"})
public record DatasetLock(int lockVersion, List<DatasetEntry> datasets) {
    public static final String FILE_NAME = "datasets.lock";
    public static final int CURRENT_VERSION = 1;
    /** The repository's lock, copied into the jar at build time. */
    private static final String BUNDLED = "/dev/proctor/datasets/" + FILE_NAME;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public DatasetLock {
        if (lockVersion != CURRENT_VERSION) {
            throw new ProctorException("lockVersion " + lockVersion + " is not supported (this Proctor reads "
                    + CURRENT_VERSION + ")");
        }
        datasets = datasets == null ? List.of()
                : datasets.stream().sorted(Comparator.comparing(DatasetEntry::id)).toList();
        for (int i = 1; i < datasets.size(); i++) {
            if (datasets.get(i).id().equals(datasets.get(i - 1).id())) {
                throw new ProctorException("dataset " + datasets.get(i).id() + " is locked twice");
            }
        }
    }

    public static DatasetLock empty() {
        return new DatasetLock(CURRENT_VERSION, List.of());
    }

    public static DatasetLock read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file);
        } catch (NoSuchFileException e) {
            throw new ProctorException("no " + FILE_NAME + " at " + file + ": lock a dataset with `proctor datasets"
                    + " lock ID --from URL|DIR`, or give --lock FILE");
        } catch (IOException e) {
            throw new ProctorException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@link #read}, or an empty lock when the file does not exist yet (the first {@code proctor datasets lock}). */
    public static DatasetLock readOrEmpty(Path file) {
        return Files.exists(file) ? read(file) : empty();
    }

    /** The pins this build of Proctor was made with (the repository's {@code datasets.lock}). */
    public static DatasetLock bundled() {
        try (InputStream in = DatasetLock.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ProctorException("this build of Proctor carries no " + FILE_NAME + ": give --lock FILE");
            }
            return parse(in, Path.of("<bundled " + FILE_NAME + ">"));
        } catch (IOException e) {
            throw new ProctorException("cannot read the bundled " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lock a command works with: {@code explicit} when given, else {@code ./datasets.lock} when present,
     * else the bundled copy.
     */
    public static DatasetLock load(Path explicit) {
        if (explicit != null) {
            return read(explicit);
        }
        Path local = Path.of(FILE_NAME);
        return Files.exists(local) ? read(local) : bundled();
    }

    private static DatasetLock parse(InputStream in, Path file) throws IOException {
        try {
            return MAPPER.readValue(in, DatasetLock.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DataFormatException(file, at == null ? 0 : Math.max(0, at.getLineNr()), problem(e));
        }
    }

    /** Our own validation message when a record refused a value, else Jackson's. */
    private static String problem(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProctorException p) {
                return p.getMessage();
            }
        }
        return e.getOriginalMessage();
    }

    public Optional<DatasetEntry> find(String id) {
        return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** @throws ProctorException naming the datasets that are locked and how to lock another */
    public DatasetEntry get(String id) {
        return find(id).orElseThrow(() -> new ProctorException("dataset " + id + " is not in " + FILE_NAME
                + " (locked: " + (datasets.isEmpty() ? "none" : ids()) + "); pin it with `proctor datasets lock " + id
                + " --from URL|DIR`"));
    }

    /** This lock with {@code entry} added, or replacing the entry of the same id. */
    public DatasetLock with(DatasetEntry entry) {
        List<DatasetEntry> next = new ArrayList<>(datasets);
        next.removeIf(d -> d.id().equals(entry.id()));
        next.add(entry);
        return new DatasetLock(lockVersion, next);
    }

    private String ids() {
        return datasets.stream().map(DatasetEntry::id).collect(Collectors.joining(", "));
    }

    /** The lock's text: one-space indentation, {@code "key": value}, a final newline. */
    public String toJson() {
        try {
            return WRITER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the lock", e);
        }
    }

    /** Writes to a temporary file beside {@code file}, then renames it, so a crash never leaves half a lock. */
    public void write(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ProctorException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("").withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter(" ", "\n"))
            .withArrayIndenter(new DefaultIndenter(" ", "\n")));
}
