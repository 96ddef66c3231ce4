package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks local data file by file against {@code datasets.lock}. Only the files asked about must be present;
 * any file checked must be pinned and match, or the check fails naming file, expected and actual hash.
 * It never touches the network.
 *
 * <p>A data directory may be the source's root ({@code .../cmmlu}, lock paths {@code data/test/x.csv} under it)
 * or a folder inside it ({@code .../cmmlu/data}); lock paths are found relative to either.
 */
public final class Verifier {
    private final DatasetLock lock;

    public Verifier(DatasetLock lock) {
        this.lock = lock;
    }

    /**
     * For {@code proctor run}: checks the files a plan read, whose hashes the planner already computed.
     *
     * @param datasetId the locked dataset (the task's name: {@code cmmlu}, {@code m3ke})
     * @param dataDir   the directory the task read from ({@code --data-dir}, or the cache's folder)
     * @param files     every data file the run reads, absolute, under {@code dataDir}
     * @throws ChecksumMismatchException when a file differs from its pin
     * @throws ProctorException          when the dataset, or one of the files, is not locked
     */
    public Verification verifyFiles(String datasetId, Path dataDir, List<LocalFile> files) {
        DatasetEntry entry = lock.get(datasetId);
        Map<String, LockedFile> pins = pins(entry);
        Path dir = dataDir.toAbsolutePath().normalize();
        for (LocalFile local : files) {
            LockedFile pin = pins.get(lockPath(entry, pins, dir, local.path()));
            if (!pin.sha256().equals(local.sha256())) {
                throw new ChecksumMismatchException(entry.id(), local.path().toString(), pin.sha256(), local.sha256(),
                        "pinned as " + pin.path() + " (" + entry.source().describe() + "); refusing to score it");
            }
        }
        return new Verification(entry.id(), entry.version(), files.size(), Verification.Status.VERIFIED);
    }

    /**
     * For {@code proctor run --offline --data-dir DIR}: the files a run needs, before it reads them; any that are
     * absent are one error naming them (as lock paths) and the command that fetches them.
     *
     * @throws MissingDataException naming every absent file
     */
    public void requirePresent(String datasetId, Path dataDir, List<Path> files, String fetchCommand) {
        DatasetEntry entry = lock.get(datasetId);
        Map<String, LockedFile> pins = pins(entry);
        Path dir = dataDir.toAbsolutePath().normalize();
        List<String> missing = files.stream().filter(f -> !Files.isRegularFile(f))
                .map(f -> lockPath(entry, pins, dir, f)).toList();
        if (!missing.isEmpty()) {
            throw new MissingDataException(entry.id(), dir.toString(), missing, fetchCommand);
        }
    }

    /**
     * For {@code proctor datasets verify} and a cached dataset: hashes the selected locked files under {@code dir}.
     *
     * @param globs        lock paths or globs ({@code data/test/*.csv}); empty means every locked file
     * @param fetchCommand named in the error when files are missing
     * @throws MissingDataException naming every selected file that is absent
     */
    public Verification verifyDirectory(String datasetId, Path dir, List<String> globs, String fetchCommand) {
        DatasetEntry entry = lock.get(datasetId);
        Path base = dir.toAbsolutePath().normalize();
        List<LockedFile> selected = select(entry, globs);
        Path root = sourceRoot(entry, base, selected);
        String inside = LockPaths.relative(root, base);
        if (!inside.isEmpty()) {
            selected = selected.stream().filter(f -> f.path().startsWith(inside + "/")).toList();
        }
        List<String> missing = selected.stream()
                .filter(f -> !Files.isRegularFile(root.resolve(f.path()))).map(LockedFile::path).toList();
        if (!missing.isEmpty()) {
            throw new MissingDataException(entry.id(), base.toString(), missing, fetchCommand);
        }
        for (LockedFile pin : selected) {
            Path file = LockPaths.resolve(root, pin.path());
            String actual = Sha256.of(file);
            if (!actual.equals(pin.sha256())) {
                throw new ChecksumMismatchException(entry.id(), file.toString(), pin.sha256(), actual,
                        "pinned as " + pin.path() + " (" + entry.source().describe() + ")");
            }
        }
        return new Verification(entry.id(), entry.version(), selected.size(), Verification.Status.VERIFIED);
    }

    /**
     * For {@code --allow-unlocked DIR}: nothing to check against, so the result says "unlocked" and its version
     * fingerprints the files' hashes, which still tells two copies of ad-hoc data apart.
     */
    public static Verification unlocked(String name, List<LocalFile> files) {
        String hashes = files.stream().map(LocalFile::sha256).sorted().collect(Collectors.joining("\n"));
        return new Verification(name, "content-" + Sha256.of(hashes).substring(0, 12), files.size(),
                Verification.Status.UNLOCKED);
    }

    /** The locked files a list of paths or globs names; each one must name at least one. */
    static List<LockedFile> select(DatasetEntry entry, List<String> globs) {
        for (String glob : globs) {
            if (entry.files().stream().map(LockedFile::path).noneMatch(LockPaths.globs(List.of(glob)))) {
                throw new ProctorException("no file of dataset " + entry.id() + " in " + DatasetLock.FILE_NAME
                        + " matches " + glob);
            }
        }
        Predicate<String> wanted = LockPaths.globs(globs);
        return entry.files().stream().filter(f -> wanted.test(f.path())).toList();
    }

    /** {@code file}'s lock path: relative to {@code dir}, else to the closest ancestor that makes it a pinned path. */
    private static String lockPath(DatasetEntry entry, Map<String, LockedFile> pins, Path dir, Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(dir)) {
            throw new ProctorException(f + " is outside the data directory " + dir);
        }
        Path root = dir;
        for (int up = 0; up <= maxDepth(entry) && root != null; up++, root = root.getParent()) {
            String rel = LockPaths.relative(root, f);
            if (pins.containsKey(rel)) {
                return rel;
            }
        }
        throw new ProctorException(f + " is not pinned by dataset " + entry.id() + " " + entry.version() + " in "
                + DatasetLock.FILE_NAME + ": refusing to score unpinned data (re-lock the dataset with `proctor"
                + " datasets lock`, or run ad-hoc data with --allow-unlocked DIR)");
    }

    /**
     * The folder lock paths are relative to: {@code dir} itself, or an ancestor when {@code dir} is a folder the
     * lock paths pass through ({@code .../cmmlu/data} for {@code data/...}) and files are found there.
     */
    private static Path sourceRoot(DatasetEntry entry, Path dir, List<LockedFile> selected) {
        Path root = dir;
        for (int up = 0; up <= maxDepth(entry) && root != null; up++, root = root.getParent()) {
            String inside = LockPaths.relative(root, dir);
            Path candidate = root;
            boolean found = selected.stream()
                    .filter(f -> inside.isEmpty() || f.path().startsWith(inside + "/"))
                    .anyMatch(f -> Files.isRegularFile(candidate.resolve(f.path())));
            if (found) {
                return root;
            }
        }
        return dir;
    }

    private static int maxDepth(DatasetEntry entry) {
        return entry.files().stream().mapToInt(f -> f.path().split("/").length - 1).max().orElse(0);
    }

    private static Map<String, LockedFile> pins(DatasetEntry entry) {
        return entry.files().stream().collect(Collectors.toMap(LockedFile::path, Function.identity()));
    }

    /** Lists files as {@link LocalFile}s with their hashes; for callers that have not hashed them yet. */
    public static List<LocalFile> hash(List<Path> files) {
        List<LocalFile> out = new ArrayList<>();
        for (Path file : files) {
            out.add(new LocalFile(file, Sha256.of(file)));
        }
        return out;
    }
}
