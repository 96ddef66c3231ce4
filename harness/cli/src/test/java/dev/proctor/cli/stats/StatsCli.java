package dev.proctor.cli.stats;

import dev.proctor.api.ProctorException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs one statistics command in-process with captured output and the exit-code mapping of
 * {@code dev.proctor.cli.Main} (a ProctorException is a user error, exit 1, its message on stderr).
 */
record StatsCli(int exitCode, String out, String err) {

    static StatsCli run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ProctorException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 1;
            }
            e.printStackTrace(commandLine.getErr());
            return 3;
        });
        int code = cli.execute(args);
        return new StatsCli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
