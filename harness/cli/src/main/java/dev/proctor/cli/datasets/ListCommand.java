package dev.proctor.cli.datasets;

import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetCache.FileState;
import dev.proctor.datasets.DatasetEntry;
import dev.proctor.datasets.DatasetLock;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code proctor datasets list}: what is locked, and what of it the cache holds verified. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Show locked datasets and their state in the cache (verified, partial or missing).")
final class ListCommand implements Callable<Integer> {

    @Mixin
    LockOptions lockOptions;

    @Mixin
    CacheOptions cacheOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DatasetLock lock = lockOptions.load();
        DatasetCache cache = cacheOptions.cache();
        out.printf("%-12s %-10s %6s %12s  %s%n", "ID", "VERSION", "FILES", "BYTES", "CACHE");
        for (DatasetEntry entry : lock.datasets()) {
            out.printf("%-12s %-10s %6d %12d  %s%n", entry.id(), entry.version(), entry.files().size(),
                    entry.totalBytes(), describe(cache, entry));
        }
        out.println("cache: " + cache.root());
        return 0;
    }

    /** {@code verified}, {@code missing}, or {@code partial (3 verified, 1 partial, 130 missing)}. */
    static String describe(DatasetCache cache, DatasetEntry entry) {
        Map<FileState, Long> counts = entry.files().stream()
                .collect(Collectors.groupingBy(f -> cache.state(entry, f), () -> new EnumMap<>(FileState.class),
                        Collectors.counting()));
        int n = entry.files().size();
        if (counts.getOrDefault(FileState.VERIFIED, 0L) == n) {
            return "verified";
        }
        if (counts.getOrDefault(FileState.MISSING, 0L) == n) {
            return "missing";
        }
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", ", "partial (", ")"));
    }
}
