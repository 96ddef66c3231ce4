package dev.proctor.core.fit;

import dev.proctor.api.ProctorException;
import dev.proctor.api.request.Response;
import dev.proctor.api.task.FitExample;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.SubjectFit;
import dev.proctor.api.task.Task;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.PlannedItem;
import dev.proctor.core.plan.TaskPlan;
import dev.proctor.core.schedule.MeanValues;
import dev.proctor.core.schedule.RunOutcome;
import dev.proctor.core.select.SelectedSubject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits each fitting task's subjects on their fit items and rescores their evaluated items with the fit. Runs on what
 * the scheduler returned (stored or computed), so a resumed run fits exactly as an uninterrupted one.
 */
public final class Fitter {
    /** The key under which a fitting task's settings in results.json hold each subject's fit. */
    public static final String FITS = "fits";

    private Fitter() {
    }

    /**
     * The run as aggregation sees it.
     *
     * @param plan    the evaluated items only; a fitting task's settings gain {@value #FITS}
     * @param outcome their scores (fitted) and responses, in the plan's order
     */
    public record Fitted(EvaluationPlan plan, RunOutcome outcome) {
    }

    public static Fitted apply(EvaluationPlan plan, RunOutcome outcome) {
        var settings = plan.config().settings();
        Map<String, List<FitExample>> examples = new LinkedHashMap<>();
        for (int i = 0; i < plan.items().size(); i++) {
            PlannedItem p = plan.items().get(i);
            if (p.fitOnly()) {
                examples.computeIfAbsent(subjectKey(p.task(), p.item().subject()), k -> new ArrayList<>())
                        .add(new FitExample(p.item(), outcome.scores().get(i), outcome.responses().get(i)));
            }
        }
        Map<String, SubjectFit> fits = new LinkedHashMap<>();
        Map<String, Map<String, Object>> described = new LinkedHashMap<>();
        for (SelectedSubject s : plan.subjects()) {
            Task task = s.task();
            if (!task.fits(settings)) {
                continue;
            }
            String key = subjectKey(task.name(), s.subject().name());
            SubjectFit fit = task.fit(s.subject(), examples.getOrDefault(key, List.of()), settings);
            fits.put(key, fit);
            described.computeIfAbsent(task.name(), t -> new LinkedHashMap<>()).put(s.subject().name(), fit.describe());
        }
        if (fits.isEmpty()) {
            return new Fitted(plan, outcome);
        }
        List<PlannedItem> items = new ArrayList<>();
        List<ItemScore> scores = new ArrayList<>();
        List<List<Response>> responses = new ArrayList<>();
        for (int i = 0; i < plan.items().size(); i++) {
            PlannedItem p = plan.items().get(i);
            if (p.fitOnly()) {
                continue;
            }
            ItemScore score = outcome.scores().get(i);
            SubjectFit fit = fits.get(subjectKey(p.task(), p.item().subject()));
            if (fit != null) {
                try {
                    score = fit.apply(p.item(), score, outcome.responses().get(i));
                } catch (RuntimeException e) {
                    throw new ProctorException("item " + p.key() + " (" + p.item().source() + ") could not be scored"
                            + " with its subject's fit: " + e.getMessage(), e);
                }
                MeanValues.require(p.key(), score, plan.tasks().get(p.task()).metrics());
            }
            items.add(p);
            scores.add(score);
            responses.add(outcome.responses().get(i));
        }
        Map<String, TaskPlan> tasks = new LinkedHashMap<>();
        plan.tasks().forEach((name, t) -> tasks.put(name, described.containsKey(name) ? withFits(t, described.get(name)) : t));
        EvaluationPlan evaluated = new EvaluationPlan(plan.config(), plan.subjects(), plan.data(), tasks, items);
        return new Fitted(evaluated, new RunOutcome(scores, responses, outcome.stats(), outcome.notes()));
    }

    private static TaskPlan withFits(TaskPlan t, Map<String, Object> fits) {
        Map<String, Object> settings = new LinkedHashMap<>(t.settings());
        settings.put(FITS, fits);
        return new TaskPlan(t.task(), t.metrics(), settings, t.categories());
    }

    private static String subjectKey(String task, String subject) {
        return task + "\u0000" + subject;
    }
}
