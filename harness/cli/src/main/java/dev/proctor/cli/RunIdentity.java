package dev.proctor.cli;

import dev.proctor.api.model.ModelInfo;
import dev.proctor.core.plan.DataFileRef;
import dev.proctor.core.run.RunConfig;
import dev.proctor.datafiles.Sha256;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Names a run by what determines its numbers: the same command on the same model and data gets the same
 * directory (so a killed run resumes there), and anything that could change a score gets a new one. The token
 * budget is left out on purpose: scores do not depend on batching, so a run may resume with another budget.
 *
 * @param fingerprint SHA-256 of the canonical description below
 * @param runId       readable prefix plus the fingerprint's first 10 hex digits
 */
record RunIdentity(String fingerprint, String runId) {

    static RunIdentity of(RunConfig config, ModelInfo model, List<DataFileRef> dataFiles) {
        String canonical = "tasks=" + String.join(",", config.tasks())
                + "\nsplit=" + config.split().id()
                + "\nshots=" + config.shots()
                + "\nlimit=" + (config.limit().isPresent() ? config.limit().getAsInt() : "all")
                + "\nformat=" + config.format().id()
                + "\nscoring=" + config.scoring().id()
                + "\nseed=" + config.seed()
                + "\nmodel=" + model.modelSha256()
                + "\ntokenizer=" + model.tokenizerSha256()
                + "\ndevice=" + model.device()
                + "\ndata=" + dataFiles.stream().map(f -> f.task() + "/" + f.subject() + "/" + f.split() + "=" + f.sha256())
                        .sorted().collect(Collectors.joining(","));
        String fingerprint = Sha256.of(canonical);
        String tasks = String.join("+", config.tasks()).replaceAll("[^A-Za-z0-9_+.-]+", "_");
        if (tasks.length() > 40) {
            tasks = tasks.substring(0, 40);
        }
        String runId = String.join("-", model.name().replaceAll("[^A-Za-z0-9_.-]+", "_"), tasks,
                config.split().id(), config.shots() + "shot", config.format().id(), config.scoring().id(),
                fingerprint.substring(0, 10));
        return new RunIdentity(fingerprint, runId);
    }
}
