package dev.proctor.report;

import dev.proctor.api.model.ModelInfo;
import dev.proctor.core.plan.DataFileRef;
import dev.proctor.core.run.RunConfig;
import java.time.Instant;
import java.util.List;

/**
 * Everything needed to trace a number back to what produced it and to re-run it.
 *
 * @param runId      the run's directory name (a hash of the effective configuration)
 * @param harness    Proctor version and commit
 * @param createdAt  when the report was written
 * @param modelSpec  the model as the user named it
 * @param model      model facts, including file hashes
 * @param config     the effective configuration (defaults resolved)
 * @param dataFiles  every data file read, with its SHA-256
 * @param dataChecks how each task's data was checked against {@code datasets.lock}
 * @param java       JVM vendor and version
 * @param os         operating system and architecture
 */
public record Provenance(
        String runId,
        HarnessVersion harness,
        Instant createdAt,
        String modelSpec,
        ModelInfo model,
        RunConfig config,
        List<DataFileRef> dataFiles,
        List<DataCheck> dataChecks,
        String java,
        String os) {

    public static Provenance of(String runId, String modelSpec, ModelInfo model, RunConfig config,
                                List<DataFileRef> dataFiles, List<DataCheck> dataChecks) {
        return new Provenance(runId, HarnessVersion.current(), Instant.now(), modelSpec, model, config,
                List.copyOf(dataFiles), List.copyOf(dataChecks),
                HarnessVersion.runningJava(), HarnessVersion.runningOs());
    }
}
