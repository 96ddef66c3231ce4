package dev.proctor.cli.stats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code proctor stats}: statistics on plain score files and on one run; alone it prints its subcommands. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Statistics on score files and runs: paired, ci, rank.",
        subcommands = {StatsPairedCommand.class, StatsCiCommand.class, StatsRankCommand.class})
public final class StatsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
