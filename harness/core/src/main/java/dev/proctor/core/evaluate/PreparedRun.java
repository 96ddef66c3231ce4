package dev.proctor.core.evaluate;

import dev.proctor.api.model.Model;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.schedule.ProgressListener;
import dev.proctor.core.schedule.RunOutcome;
import dev.proctor.core.schedule.Scheduler;
import dev.proctor.core.store.ResultStore;

/**
 * A run selected, checked and planned, ready to schedule: what {@code proctor bench} times round after round.
 *
 * @param plan     what will be evaluated
 * @param model    the open model
 * @param identity the run's fingerprint and id
 */
public record PreparedRun(EvaluationPlan plan, Model model, RunIdentity identity) {

    /** Step four on a store: computes what the store lacks. */
    public RunOutcome schedule(ResultStore store, ProgressListener listener) {
        return new Scheduler(plan.config().batchTokens()).run(plan, model, store, listener);
    }
}
