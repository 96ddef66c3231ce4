package dev.proctor.core.evaluate;

import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.model.Tokenizer;
import dev.proctor.api.task.Task;
import dev.proctor.core.aggregate.Aggregator;
import dev.proctor.core.aggregate.Summary;
import dev.proctor.core.data.DataGate;
import dev.proctor.core.fit.Fitter;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.Planner;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.report.Provenance;
import dev.proctor.core.report.RunReport;
import dev.proctor.core.schedule.ProgressListener;
import dev.proctor.core.schedule.RunOutcome;
import dev.proctor.core.select.DataSources;
import dev.proctor.core.select.SelectedSubject;
import dev.proctor.core.select.Selector;
import dev.proctor.core.select.TaskSelection;
import dev.proctor.core.select.TaskSelection.Selection;
import dev.proctor.core.store.ResultStore;
import dev.proctor.report.OutputFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one evaluation path, for every task kind, every model and every command: select tasks and check the model
 * serves them, verify the data against the lock, plan, schedule, store, aggregate, record the provenance, report, in
 * that order. Commands only parse options into a {@link RunConfig} and print what comes back.
 */
public final class Evaluator {
    /** The run's store, beside its report. */
    public static final String STORE_FILE = "items.sqlite";

    private final TaskRegistry tasks;
    private final ModelRegistry models;
    private final DataSources data;

    public Evaluator(TaskRegistry tasks, ModelRegistry models, DataSources data) {
        this.tasks = tasks;
        this.models = models;
        this.data = data;
    }

    /** The whole evaluation: opens the model, runs every step, writes the report, closes the model. */
    public Evaluation evaluate(RunConfig config, ModelSpec spec, RunOutput output, ProgressListener listener) {
        try (Model model = models.open(spec)) {
            PreparedRun run = prepare(config, model, spec.toString());
            Path dir = output.directory(run.identity());
            OutputFolder.requireOwn(dir, STORE_FILE, "a run");
            RunOutcome outcome;
            try (ResultStore store = ResultStore.open(dir.resolve(STORE_FILE))) {
                outcome = run.schedule(store, listener);
            }
            Fitter.Fitted fitted = Fitter.apply(run.plan(), outcome);
            Summary summary = Aggregator.aggregate(fitted.plan(), fitted.outcome().scores(), config.bootstrap());
            Provenance provenance = Provenance.of(run.identity().runId(), spec.toString(), spec.args(), model.info(),
                    config, data.given(), run.plan().data().files(), run.plan().data().checks());
            RunReport report = new RunReport(provenance, fitted.plan(), summary, fitted.outcome());
            report.writeTo(dir);
            return new Evaluation(dir, report);
        }
    }

    /** Opens a model for {@link #prepare} (the caller closes it). */
    public Model open(ModelSpec spec) {
        return models.open(spec);
    }

    /**
     * Steps one to three on an open model: select the tasks and check the model serves every request kind they need
     * (before any data is read), resolve subjects and their data, verify every file against datasets.lock, and plan.
     *
     * @param modelName how errors name the model
     */
    public PreparedRun prepare(RunConfig config, Model model, String modelName) {
        List<Selection> selections = TaskSelection.parse(config.tasks());
        List<Task> selected = Selector.tasks(selections, tasks);
        Selector.checkServes(selected, model, modelName, config.settings());
        List<SelectedSubject> subjects = Selector.subjects(selections, tasks, data, config.settings(), true);
        DataGate.Checked checked = new DataGate(data.lock()).verify(subjects, config.settings());
        EvaluationPlan plan = Planner.plan(config, subjects, checked, model.tokenizer(), true);
        return new PreparedRun(plan, model, RunIdentity.of(plan, model.info()));
    }

    /**
     * The plan for showing prompts: fitted with the model's tokenizer as a run fits them (without one, nothing is
     * fitted), splits without gold answers allowed, and files hashed but not required to be locked.
     */
    public EvaluationPlan planPrompts(RunConfig config, Optional<Tokenizer> tokenizer) {
        List<Selection> selections = TaskSelection.parse(config.tasks());
        Selector.checkArguments(Selector.tasks(selections, tasks), config.settings());
        List<SelectedSubject> subjects = Selector.subjects(selections, tasks, data, config.settings(), false);
        return Planner.plan(config, subjects, new DataGate.Checked(List.of(), List.of()), tokenizer, false);
    }

    public TaskRegistry tasks() {
        return tasks;
    }
}
