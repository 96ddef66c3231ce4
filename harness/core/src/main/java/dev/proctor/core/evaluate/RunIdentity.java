package dev.proctor.core.evaluate;

import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.store.RunFingerprint;
import dev.proctor.datafiles.Sha256;

/**
 * Names a run by what determines its numbers: the same command on the same model and data gets the same
 * directory (so a killed run resumes there), and anything that could change a score gets a new one. The facts are
 * the store's {@link RunFingerprint} (which leaves the token budget out: scores do not depend on batching, so a run
 * may resume with another budget) plus the device, whose arithmetic may differ in the last bits.
 *
 * @param fingerprint SHA-256 of those facts
 * @param runId       readable prefix plus the fingerprint's first 10 hex digits
 */
public record RunIdentity(String fingerprint, String runId) {

    public static RunIdentity of(EvaluationPlan plan, ModelInfo model) {
        String fingerprint = Sha256.of(RunFingerprint.of(plan, model).json() + "\ndevice=" + model.device());
        TaskSettings s = plan.config().settings();
        String tasks = String.join("+", plan.config().tasks()).replaceAll("[^A-Za-z0-9_+.-]+", "_");
        if (tasks.length() > 40) {
            tasks = tasks.substring(0, 40);
        }
        String runId = String.join("-", model.name().replaceAll("[^A-Za-z0-9_.-]+", "_"), tasks, s.split().id(),
                s.shots() + "shot", s.format().id(), s.scoring().id(), fingerprint.substring(0, 10));
        return new RunIdentity(fingerprint, runId);
    }
}
