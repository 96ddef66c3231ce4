package dev.proctor.core.report;

import dev.proctor.api.model.ModelInfo;
import dev.proctor.core.data.DataFileRef;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.report.DataCheck;
import dev.proctor.report.HarnessVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to trace a number back to what produced it and to re-run it.
 *
 * @param runId      the run's directory name (readable facts and a hash of everything that can change a score)
 * @param harness    Proctor version and commit
 * @param createdAt  when the report was written
 * @param modelSpec  the model as the user named it
 * @param modelArgs  the backend options given
 * @param model      model facts, including file hashes
 * @param config     the effective configuration (defaults resolved)
 * @param dataDirs   the data directories given, by task ({@code *} for all)
 * @param dataFiles  every data file read, with its SHA-256
 * @param dataChecks how each dataset was checked against {@code datasets.lock}
 * @param java       JVM vendor and version
 * @param os         operating system and architecture
 */
public record Provenance(String runId, HarnessVersion harness, Instant createdAt, String modelSpec,
                         Map<String, String> modelArgs, ModelInfo model, RunConfig config, Map<String, Path> dataDirs,
                         List<DataFileRef> dataFiles, List<DataCheck> dataChecks, String java, String os) {
    public Provenance {
        modelArgs = Map.copyOf(modelArgs);
        dataDirs = Map.copyOf(dataDirs);
        dataFiles = List.copyOf(dataFiles);
        dataChecks = List.copyOf(dataChecks);
    }

    public static Provenance of(String runId, String modelSpec, Map<String, String> modelArgs, ModelInfo model,
                                RunConfig config, Map<String, Path> dataDirs, List<DataFileRef> dataFiles,
                                List<DataCheck> dataChecks) {
        return new Provenance(runId, HarnessVersion.current(), Instant.now(), modelSpec, modelArgs, model, config,
                dataDirs, dataFiles, dataChecks, HarnessVersion.runningJava(), HarnessVersion.runningOs());
    }
}
