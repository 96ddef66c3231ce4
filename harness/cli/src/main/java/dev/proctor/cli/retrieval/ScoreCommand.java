package dev.proctor.cli.retrieval;

import dev.proctor.cli.ScoreGenerationCommand;
import dev.proctor.cli.detection.ScoreClassificationCommand;
import dev.proctor.cli.detection.ScoreDetectionCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code proctor score}: scores outputs produced elsewhere; alone it is a usage error listing its subcommands. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score result files produced by any system: retrieval runs, generated answers, class labels,"
                + " object detections.",
        subcommands = {ScoreRetrievalCommand.class, ScoreGenerationCommand.class, ScoreClassificationCommand.class,
                ScoreDetectionCommand.class})
public final class ScoreCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required; choose one of"
                + " those below");
    }
}
