package dev.proctor.cli.datasets;

import dev.proctor.datasets.DatasetLock;
import dev.proctor.datasets.Fetcher;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code proctor datasets fetch ID...}: downloads locked files into the cache, each verified before it is kept. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download locked datasets into the cache; resumes partial downloads, verifies size and SHA-256.")
final class FetchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Datasets to fetch (see `proctor datasets list`).")
    List<String> ids;

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
        PrintWriter err = spec.commandLine().getErr();
        Fetcher fetcher = Fetcher.standard(cacheOptions.cache(), err::println);
        for (String id : ids) {
            Fetcher.Report r = fetcher.fetch(lock.get(id));
            out.printf("%s %s: %d files fetched (%d bytes), %d already present; verified in %s%n",
                    r.datasetId(), r.version(), r.downloaded(), r.bytes(), r.present(), r.dir());
        }
        return 0;
    }
}
