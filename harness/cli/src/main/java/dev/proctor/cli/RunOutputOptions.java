package dev.proctor.cli;

import dev.proctor.core.evaluate.RunOutput;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a run is written ({@code --out}, else a new folder under {@code --reports-dir}) and what it prints. */
public final class RunOutputOptions {

    @Option(names = "--out", paramLabel = "DIR", description = "Write the run here instead of REPORTS/<run-id>/.")
    Path outDir;

    @Option(names = "--reports-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where runs write by default. Default: ${DEFAULT-VALUE}.")
    Path reportsDir;

    @Option(names = "--json", description = "Print results.json instead of the summary tables.")
    boolean json;

    /** The run's directory: {@code --out} as given, else a new one under {@code --reports-dir}. */
    public RunOutput output() {
        return outDir != null ? RunOutput.at(outDir) : RunOutput.under(reportsDir);
    }

    /** Whether to print results.json rather than the summary. */
    public boolean json() {
        return json;
    }
}
