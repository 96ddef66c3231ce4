package dev.proctor.cli.datasets;

import dev.proctor.api.ProctorException;
import dev.proctor.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code proctor datasets ...} with captured output and {@link Main}'s exit codes, until the command is
 * registered under {@code proctor} (then {@code Main.run(out, err, "datasets", ...)} does the same).
 */
final class DatasetsCli {
    record Result(int exit, String out, String err) {
    }

    private DatasetsCli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(new DatasetsCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(errWriter);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ProctorException) {
                errWriter.println("error: " + e.getMessage());
                return Main.EXIT_USER_ERROR;
            }
            throw e;
        });
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? Main.EXIT_USAGE : Main.EXIT_INTERNAL);
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
