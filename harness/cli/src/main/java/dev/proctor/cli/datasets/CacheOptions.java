package dev.proctor.cli.datasets;

import dev.proctor.datasets.DatasetCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cache DIR}: where fetched datasets live. */
public final class CacheOptions {
    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache folder (default: -Dproctor.cache, else $PROCTOR_CACHE, else ~/.cache/proctor).")
    Path cacheDir;

    public DatasetCache cache() {
        return cacheDir == null ? DatasetCache.standard() : new DatasetCache(cacheDir);
    }
}
