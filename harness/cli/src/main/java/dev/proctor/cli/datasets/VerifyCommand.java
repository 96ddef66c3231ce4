package dev.proctor.cli.datasets;

import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.datasets.Verification;
import dev.proctor.datasets.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code proctor datasets verify ID}: checks a local copy (or the cache) file by file; never uses the network. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a dataset's files against datasets.lock: a local copy (--data-dir) or the cache.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The dataset.")
    String id;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "A copy laid out like the source (e.g. ../shared/data/cmmlu); default: the cache.")
    Path dataDir;

    @Option(names = "--file", paramLabel = "PATH|GLOB",
            description = "Check only these locked files (data/test/*.csv). Repeatable; default: all.")
    List<String> files = new ArrayList<>();

    @Mixin
    LockOptions lockOptions;

    @Mixin
    CacheOptions cacheOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatasetLock lock = lockOptions.load();
        DatasetCache cache = cacheOptions.cache();
        Path dir = dataDir != null ? dataDir : cache.dir(lock.get(id));
        Verification v = new Verifier(lock).verifyDirectory(id, dir, files, cache.fetchCommand(id));
        spec.commandLine().getOut().printf("%s %s: %d files %s in %s%n", v.datasetId(), v.version(), v.files(),
                v.status().label(), dir.toAbsolutePath().normalize());
        return 0;
    }
}
