package dev.proctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.htmlreport.export.LmEvalResults;
import dev.proctor.htmlreport.results.RunResults;
import dev.proctor.report.AtomicFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code proctor export RUN --format lm-eval}: a run's results in another tool's layout. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's results in another tool's layout (lm-eval: lm-evaluation-harness's results JSON).")
public final class ExportCommand implements Callable<Integer> {
    static final String LM_EVAL = "lm-eval";

    @Parameters(index = "0", paramLabel = "RUN", description = "The run directory.")
    Path run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "lm-eval")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Default: RUN/results.lm-eval.json.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!LM_EVAL.equals(format)) {
            throw new ProctorException("--format " + format + ": the export formats are " + LM_EVAL);
        }
        Path file = out != null ? out : run.resolve("results.lm-eval.json");
        AtomicFiles.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(LmEvalResults.of(RunResults.read(run))) + "\n");
        spec.commandLine().getOut().println("lm-eval results: " + file);
        return 0;
    }
}
