package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.ProctorCache;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where fetched datasets live: {@code <root>/datasets/<id>/<version>/<lock path>}, laid out like the source so
 * a cached dataset is a valid {@code --data-dir}. A file reaches its final name only after it verified
 * ({@link Fetcher}); an unfinished download is {@code <name>.part} beside it.
 */
public final class DatasetCache {
    public static final String PART_SUFFIX = ".part";

    /** A cached file's state, judged against its pin. */
    public enum FileState {
        /** Present, right size and hash. */
        VERIFIED,
        /** A download was started and not finished ({@code .part} only). */
        PARTIAL,
        /** Present with other bytes (changed by hand, or a disk fault); fetch replaces it. */
        CORRUPT,
        MISSING
    }

    private final Path root;

    public DatasetCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The cache of {@link ProctorCache#root()}: {@code -Dproctor.cache}, {@code $PROCTOR_CACHE}, else {@code ~/.cache/proctor}. */
    public static DatasetCache standard() {
        return new DatasetCache(ProctorCache.root());
    }

    public Path root() {
        return root;
    }

    /** The dataset's folder; use it as the task's data directory. */
    public Path dir(DatasetEntry entry) {
        return root.resolve("datasets").resolve(entry.id()).resolve(entry.version());
    }

    public Path file(DatasetEntry entry, String lockPath) {
        return LockPaths.resolve(dir(entry), lockPath);
    }

    static Path partOf(Path file) {
        return file.resolveSibling(file.getFileName() + PART_SUFFIX);
    }

    /** Hashes the file when its size is right: the only way to call it verified. */
    public FileState state(DatasetEntry entry, LockedFile locked) {
        Path file = file(entry, locked.path());
        if (Files.isRegularFile(file)) {
            return matches(file, locked) ? FileState.VERIFIED : FileState.CORRUPT;
        }
        return Files.exists(partOf(file)) ? FileState.PARTIAL : FileState.MISSING;
    }

    /** The locked files that are not there verified, in lock order. */
    public List<LockedFile> notVerified(DatasetEntry entry) {
        return entry.files().stream().filter(f -> state(entry, f) != FileState.VERIFIED).toList();
    }

    static boolean matches(Path file, LockedFile locked) {
        try {
            return Files.size(file) == locked.bytes() && Sha256.of(file).equals(locked.sha256());
        } catch (IOException e) {
            throw new ProctorException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The exact command that fills this cache with a dataset; names {@code --cache} unless it is the default. */
    public String fetchCommand(String datasetId) {
        boolean standard = root.equals(ProctorCache.root().toAbsolutePath().normalize());
        return "proctor datasets fetch " + datasetId + (standard ? "" : " --cache " + root);
    }
}
