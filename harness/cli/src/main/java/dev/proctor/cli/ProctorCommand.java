package dev.proctor.cli;

import dev.proctor.cli.datasets.DatasetsCommand;
import dev.proctor.cli.retrieval.RetrieveCommand;
import dev.proctor.cli.retrieval.ScoreCommand;
import dev.proctor.cli.stats.CompareCommand;
import dev.proctor.cli.stats.RankCommand;
import dev.proctor.cli.stats.SnrCommand;
import dev.proctor.cli.stats.StatsCommand;
import dev.proctor.report.HarnessVersion;
import picocli.CommandLine.Command;

/** The top-level {@code proctor} command; {@code proctor} alone is a usage error (exit 2) that lists the commands. */
@Command(name = "proctor",
        mixinStandardHelpOptions = true,
        versionProvider = ProctorCommand.Version.class,
        description = "Multi-task benchmark evaluation harness for language models.",
        subcommands = {RunCommand.class, PromptsCommand.class, TasksCommand.class, ModelsCommand.class, BenchCommand.class,
                CompareCommand.class, StatsCommand.class, RankCommand.class, SnrCommand.class, DatasetsCommand.class,
                ScoreCommand.class, RetrieveCommand.class, ServeCommand.class, ReportCommand.class,
                ExportCommand.class})
public final class ProctorCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required; choose one of"
                + " those below");
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"proctor " + HarnessVersion.current()};
        }
    }
}
