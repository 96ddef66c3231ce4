package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code proctor run} in-process for tests in other packages and reads what it wrote. */
public final class CliRuns {
    private CliRuns() {
    }

    /** {@code proctor run} with the given options; the exit code, stdout and stderr. */
    public static Result run(List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        return new Result(run.exitCode(), run.out(), run.err());
    }

    /** A successful run's samples.jsonl by id. */
    public static Map<String, JsonNode> samples(Path out, List<String> options, List<String> model) {
        List<String> args = new ArrayList<>(List.of("run", "--no-progress", "--resamples", "100", "--out",
                out.toString()));
        args.addAll(options);
        args.addAll(model);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        return Samples.read(out);
    }

    /** A finished run's samples.jsonl by id. */
    public static Map<String, JsonNode> samplesOf(Path out) {
        return Samples.read(out);
    }

    public static JsonNode results(Path out) {
        return Samples.results(out);
    }

    /** What a command printed and how it ended. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
