package dev.proctor.core.data;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.DataFile;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.select.DataOrigin;
import dev.proctor.core.select.SelectedSubject;
import dev.proctor.datafiles.Sha256;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.datasets.LocalFile;
import dev.proctor.datasets.Verifier;
import dev.proctor.report.DataCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step two: every file a run will read is hashed and checked against datasets.lock before anything is planned or
 * scored. Data shipped inside Proctor is "bundled"; data the user marked {@code --allow-unlocked} is hashed and
 * called "unlocked"; everything else must match its pin, or the run stops naming the file and both hashes. No flag
 * skips the check.
 */
public final class DataGate {
    private final DatasetLock lock;

    public DataGate(DatasetLock lock) {
        this.lock = lock;
    }

    /**
     * The outcome: every file read, with its hash, and one check per dataset.
     *
     * @param files  every file, in subject order
     * @param checks per dataset, in order of first appearance
     */
    public record Checked(List<DataFileRef> files, List<DataCheck> checks) {
        public Checked {
            files = List.copyOf(files);
            checks = List.copyOf(checks);
        }
    }

    public Checked verify(List<SelectedSubject> subjects, TaskSettings settings) {
        Map<Path, DataFileRef> hashed = new HashMap<>();
        List<DataFileRef> refs = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (SelectedSubject s : subjects) {
            Path root = s.task().datasetRoot(s.dataDir(), s.subject());
            Group group = groups.computeIfAbsent(s.task().name() + "\u0000" + s.datasetId() + "\u0000" + root,
                    k -> new Group(s, root));
            for (DataFile file : s.task().dataFiles(s.dataDir(), s.subject(), settings)) {
                DataFileRef seen = hashed.computeIfAbsent(file.path().toAbsolutePath().normalize(), DataGate::hash);
                DataFileRef ref = new DataFileRef(s.task().name(), s.subject().name(), file.role(), file.path(),
                        seen.sha256(), seen.bytes());
                refs.add(ref);
                if (group.files.stream().noneMatch(f -> f.path().equals(ref.path()))) {
                    group.files.add(ref);
                }
            }
        }
        List<DataCheck> checks = new ArrayList<>();
        for (Group g : groups.values()) {
            checks.add(check(g));
        }
        return new Checked(refs, checks);
    }

    private DataCheck check(Group g) {
        SelectedSubject s = g.first;
        String id = s.datasetId();
        List<LocalFile> files = g.files.stream().map(f -> new LocalFile(f.path(), f.sha256())).toList();
        if (s.origin() == DataOrigin.BUNDLED) {
            return DataChecks.bundled(s.task().name(), id, files.size());
        }
        if (s.origin() == DataOrigin.UNLOCKED) {
            return DataChecks.of(s.task().name(), Verifier.unlocked(id, files));
        }
        if (lock.find(id).isEmpty()) {
            throw new ProctorException("dataset '" + id + "' (" + s.dataDir() + ") is not in datasets.lock, so its"
                    + " numbers could not be traced to known data; lock it with 'proctor datasets lock " + id
                    + " --from " + g.root + " --version V', or run with --allow-unlocked " + s.task().name() + "="
                    + s.dataDir() + " (the results then say \"unlocked\")");
        }
        return DataChecks.of(s.task().name(), new Verifier(lock).verifyFiles(id, g.root, files));
    }

    private static DataFileRef hash(Path path) {
        try {
            return new DataFileRef(null, null, null, path, Sha256.of(path), Files.size(path));
        } catch (IOException | RuntimeException e) {
            throw new ProctorException("cannot read data file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The files of one dataset (one lock id under one root), checked together. */
    private static final class Group {
        final SelectedSubject first;
        final Path root;
        final List<DataFileRef> files = new ArrayList<>();

        Group(SelectedSubject first, Path root) {
            this.first = first;
            this.root = root;
        }
    }
}
