package dev.proctor.cli;

import dev.proctor.api.model.ModelInfo;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.store.RunFingerprint;
import dev.proctor.datafiles.Sha256;

/**
 * Names a run by what determines its numbers: the same command on the same model and data gets the same
 * directory (so a killed run resumes there), and anything that could change a score gets a new one. The facts are
 * the scheduler's {@link RunFingerprint} (which leaves the token budget out: scores do not depend on batching, so
 * a run may resume with another budget) plus the device, whose arithmetic may differ in the last bits.
 *
 * @param fingerprint SHA-256 of those facts
 * @param runId       readable prefix plus the fingerprint's first 10 hex digits
 */
record RunIdentity(String fingerprint, String runId) {

    static RunIdentity of(EvaluationPlan plan, ModelInfo model) {
        String fingerprint = Sha256.of(RunFingerprint.of(plan, model).json() + "\ndevice=" + model.device());
        var config = plan.config();
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
