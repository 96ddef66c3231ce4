package dev.proctor.datasets;

import java.nio.file.Path;
import java.util.List;

/**
 * Finds a locked dataset's data directory when the user gave none: its folder in the {@link DatasetCache}.
 * Online, files not yet there (or damaged) are fetched first; {@code offline}, the network is never touched and
 * anything missing is one {@link MissingDataException} naming the files and the fetch command.
 */
public final class DatasetResolver {
    private final DatasetLock lock;
    private final DatasetCache cache;
    private final Fetcher fetcher;

    public DatasetResolver(DatasetLock lock, DatasetCache cache, Fetcher fetcher) {
        this.lock = lock;
        this.cache = cache;
        this.fetcher = fetcher;
    }

    /**
     * @return the cached folder, every locked file in it verified
     * @throws MissingDataException offline, when files are missing or damaged
     */
    public Path dataDir(String datasetId, boolean offline) {
        DatasetEntry entry = lock.get(datasetId);
        List<LockedFile> missing = cache.notVerified(entry);
        if (!missing.isEmpty()) {
            if (offline) {
                throw new MissingDataException(entry.id(), "the cache " + cache.dir(entry) + " (--offline)",
                        missing.stream().map(LockedFile::path).toList(), cache.fetchCommand(entry.id()));
            }
            fetcher.fetch(entry);
        }
        return cache.dir(entry);
    }
}
