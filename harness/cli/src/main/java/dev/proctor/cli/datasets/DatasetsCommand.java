package dev.proctor.cli.datasets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code proctor datasets}: pin benchmark data in {@code datasets.lock}, fetch it into the cache, verify copies. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Pin, fetch and verify benchmark data (datasets.lock).",
        subcommands = {LockCommand.class, ListCommand.class, FetchCommand.class, VerifyCommand.class})
public final class DatasetsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required; choose one of"
                + " those below");
    }
}
