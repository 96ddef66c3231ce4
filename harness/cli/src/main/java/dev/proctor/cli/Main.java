package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: runs the command line and maps failures to exit codes in one place. */
public final class Main {
    /** A user error: bad input, a missing file, a refused model. The message says what to do. */
    public static final int EXIT_USER_ERROR = 1;
    /** Wrong usage of the command line itself. */
    public static final int EXIT_USAGE = 2;
    /** A bug in Proctor: the stack trace is printed. */
    public static final int EXIT_INTERNAL = 3;

    private Main() {
    }

    public static void main(String[] args) {
        applyRuntimeDefaults();
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Settings DJL reads at start-up, unless the user set them: never download anything (a missing native
     * library fails at once with a message instead of hanging), do not start PyTorch when loading an ONNX
     * model, and keep the GPU probe quiet on machines without a driver.
     */
    static void applyRuntimeDefaults() {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.setProperty("ai.djl.onnx.disable_alternative", System.getProperty("ai.djl.onnx.disable_alternative", "true"));
        for (String logger : new String[] {"ai.djl.util.cuda.CudaUtils", "ai.djl.onnxruntime.engine.OrtEngine",
                "ai.djl.pytorch.jni.LibUtils"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            System.setProperty(key, System.getProperty(key, "error"));
        }
        String level = "org.slf4j.simpleLogger.defaultLogLevel";
        System.setProperty(level, System.getProperty(level, "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
    }

    /** Runs the command line with the given writers, for tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ProctorCommand());
        // @file belongs to --tasks (a task list, one selection per line), not to picocli's argument files
        cli.setExpandAtFiles(false);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ProctorException) {
                err.println("error: " + e.getMessage());
                return EXIT_USER_ERROR;
            }
            e.printStackTrace(err);
            return EXIT_INTERNAL;
        });
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_INTERNAL);
        return cli.execute(args);
    }
}
