package dev.proctor.cli.stats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code proctor stats}: statistics on plain score files and on one run; alone it is a usage error listing its subcommands. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Statistics on score files and runs: paired, ci, rank.",
        subcommands = {StatsPairedCommand.class, StatsCiCommand.class, StatsRankCommand.class})
public final class StatsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required; choose one of"
                + " those below");
    }
}
