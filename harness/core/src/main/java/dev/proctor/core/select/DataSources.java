package dev.proctor.core.select;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.datasets.DatasetResolver;
import dev.proctor.datasets.Fetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Where each task's data comes from, in this order: the directory the user gave ({@code --data-dir [TASK=]DIR}, or
 * {@code --allow-unlocked [TASK=]DIR}, whose files are then not verified); the data shipped with the task, when it
 * holds the subject asked for; a locked dataset's folder in Proctor's cache, fetched first when missing unless
 * offline. Nothing else: a task with none of these is an error saying what to give.
 */
public final class DataSources {
    /** The key of a data directory given for every task ({@code --data-dir DIR}). */
    public static final String ANY_TASK = "*";

    private final Map<String, Path> given;
    private final Set<String> unlockedKeys;
    private final DatasetLock lock;
    private final DatasetCache cache;
    private final boolean offline;
    private final Consumer<String> log;
    private DatasetResolver resolver; // made on first need: its HTTP client starts a thread

    /**
     * @param given        data directory per task name, or {@link #ANY_TASK}
     * @param unlockedKeys keys of {@code given} whose data is the user's ad-hoc data, not to be verified
     * @param log          where fetch progress goes
     */
    public DataSources(Map<String, Path> given, Set<String> unlockedKeys, DatasetLock lock, DatasetCache cache,
                       boolean offline, Consumer<String> log) {
        this.given = Map.copyOf(given);
        this.unlockedKeys = Set.copyOf(unlockedKeys);
        this.lock = lock;
        this.cache = cache;
        this.offline = offline;
        this.log = log;
        for (String key : unlockedKeys) {
            if (!given.containsKey(key)) {
                throw new IllegalArgumentException("unlocked key " + key + " has no directory");
            }
        }
    }

    /** Bundled data only: no directories given, no lock, nothing fetched (tests, listings). */
    public static DataSources bundledOnly() {
        return new DataSources(Map.of(), Set.of(), DatasetLock.empty(), new DatasetCache(Path.of("no-cache")), true,
                line -> { });
    }

    public DatasetLock lock() {
        return lock;
    }

    /** The directories given, by task name ({@link #ANY_TASK} for all), for the provenance. */
    public Map<String, Path> given() {
        return new LinkedHashMap<>(given);
    }

    /** A data directory given for a task that is not selected is a typo, never silently ignored. */
    public void checkGivenTasks(Collection<String> selectedTasks) {
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.remove(ANY_TASK);
        unknown.removeAll(selectedTasks);
        if (!unknown.isEmpty()) {
            throw new ProctorException("a data directory is given for " + String.join(", ", unknown)
                    + ", which is not a selected task (selected: " + String.join(", ", new TreeSet<>(selectedTasks))
                    + "); write TASK=DIR with a selected task's name");
        }
    }

    /**
     * A resolved data directory.
     *
     * @param dir      the directory
     * @param origin   how it was found
     * @param lockedAs for a cached dataset, the lock id it was fetched under
     */
    public record Resolved(Path dir, DataOrigin origin, Optional<String> lockedAs) {
    }

    /** The data directory of {@code task}, for all its subjects or for the one named. */
    public Resolved resolve(Task task, Optional<String> subject) {
        String key = given.containsKey(task.name()) ? task.name() : given.containsKey(ANY_TASK) ? ANY_TASK : null;
        if (key != null) {
            Path dir = given.get(key);
            if (!Files.isDirectory(dir)) {
                throw new ProctorException("data directory " + dir.toAbsolutePath() + " of task " + task.name()
                        + " does not exist or is not a directory");
            }
            return new Resolved(dir, unlockedKeys.contains(key) ? DataOrigin.UNLOCKED : DataOrigin.GIVEN,
                    Optional.empty());
        }
        Optional<Path> bundled = task.bundledDataDir();
        if (bundled.isPresent() && (subject.isEmpty() || names(task, bundled.get()).contains(subject.get()))) {
            return new Resolved(bundled.get(), DataOrigin.BUNDLED, Optional.empty());
        }
        String id = task.datasetId(subject.orElse(""));
        if (lock.find(id).isPresent()) {
            if (resolver == null) {
                resolver = new DatasetResolver(lock, cache, Fetcher.standard(cache, log));
            }
            return new Resolved(resolver.dataDir(id, offline), DataOrigin.CACHED, Optional.of(id));
        }
        if (bundled.isPresent()) {
            throw new ProctorException("task " + task.name() + " has no subject '" + subject.orElse("") + "' in its"
                    + " bundled data (" + String.join(", ", names(task, bundled.get())) + ") and datasets.lock has no"
                    + " dataset '" + id + "'; give its folder with --data-dir " + task.name() + "=DIR");
        }
        throw new ProctorException("task " + task.name() + " needs --data-dir (it ships no data, and datasets.lock has"
                + " no dataset '" + id + "' to fetch)");
    }

    private static Set<String> names(Task task, Path dir) {
        Set<String> names = new TreeSet<>();
        task.subjects(dir).stream().map(Subject::name).forEach(names::add);
        return names;
    }
}
