package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.Task;
import dev.proctor.core.plan.DataFileRef;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.run.RunConfig;
import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.datasets.DatasetResolver;
import dev.proctor.datasets.Fetcher;
import dev.proctor.datasets.LocalFile;
import dev.proctor.datasets.Verifier;
import dev.proctor.report.DataCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the data of a run comes from and whether it may be scored: every file a run reads is checked against
 * {@code datasets.lock} before anything is scored, except data shipped inside Proctor (bundled) and data the user
 * explicitly marked {@code --allow-unlocked}, which the provenance then calls "unlocked". No flag skips the check
 * silently.
 */
final class DataGate {
    private final DatasetLock lock;
    private final DatasetCache cache;
    private final boolean offline;
    private final Set<String> unlockedKeys;

    DataGate(DatasetLock lock, DatasetCache cache, boolean offline, Set<String> unlockedKeys) {
        this.lock = lock;
        this.cache = cache;
        this.offline = offline;
        this.unlockedKeys = Set.copyOf(unlockedKeys);
    }

    /**
     * Adds, for each selected task that has no data directory and no bundled data but a locked dataset, that
     * dataset's folder in the cache (fetching what is missing, unless offline).
     */
    Map<String, Path> withCachedDataDirs(List<String> selections, TaskRegistry registry, Map<String, Path> given) {
        Map<String, Path> dirs = new LinkedHashMap<>(given);
        DatasetResolver resolver = null; // made on first need: its HTTP client starts a thread
        for (String selection : selections) {
            String name = selection.contains(":") ? selection.substring(0, selection.indexOf(':')) : selection;
            Task task = registry.get(name);
            boolean hasDir = dirs.containsKey(name) || dirs.containsKey(RunConfig.ANY_TASK);
            if (!hasDir && task.bundledDataDir().isEmpty() && lock.find(name).isPresent()) {
                if (resolver == null) {
                    resolver = new DatasetResolver(lock, cache, Fetcher.standard(cache, System.err::println));
                }
                dirs.put(name, resolver.dataDir(name, offline));
            }
        }
        return dirs;
    }

    /** Checks every file the plan read, per task; throws before scoring on any mismatch or unlocked data. */
    List<DataCheck> verify(EvaluationPlan plan, TaskRegistry registry) {
        Map<String, List<DataFileRef>> byTask = new LinkedHashMap<>();
        plan.dataFiles().forEach(f -> byTask.computeIfAbsent(f.task(), t -> new ArrayList<>()).add(f));
        List<DataCheck> checks = new ArrayList<>();
        Map<String, Path> dirs = plan.config().dataDirs();
        for (Map.Entry<String, List<DataFileRef>> e : byTask.entrySet()) {
            String task = e.getKey();
            List<LocalFile> files = e.getValue().stream().map(f -> new LocalFile(f.path(), f.sha256())).toList();
            String key = dirs.containsKey(task) ? task : dirs.containsKey(RunConfig.ANY_TASK) ? RunConfig.ANY_TASK : null;
            if (key == null && registry.get(task).bundledDataDir().isPresent()) {
                checks.add(DataChecks.bundled(task, files.size()));
            } else if (key != null && unlockedKeys.contains(key)) {
                checks.add(DataChecks.of(task, Verifier.unlocked(task, files)));
            } else if (lock.find(task).isEmpty()) {
                throw new ProctorException("dataset '" + task + "' is not in datasets.lock, so its numbers could not be"
                        + " traced to known data; lock it with 'proctor datasets lock " + task + " --from " + dirs.get(key)
                        + " --version V', or run with --allow-unlocked " + dirs.get(key)
                        + " (the results then say \"unlocked\")");
            } else {
                checks.add(DataChecks.of(task, new Verifier(lock).verifyFiles(task, dirs.get(key), files)));
            }
        }
        return checks;
    }
}
