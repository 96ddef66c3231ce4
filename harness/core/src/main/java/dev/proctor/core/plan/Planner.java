package dev.proctor.core.plan;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Tokenizer;
import dev.proctor.api.request.Request;
import dev.proctor.api.task.PlanContext;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskItem;
import dev.proctor.core.data.DataGate;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.select.SelectedSubject;
import dev.proctor.core.store.Canonical;
import dev.proctor.datafiles.Sha256;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Step three: every selected subject's items, loaded by their task and turned into keyed requests. */
public final class Planner {
    private Planner() {
    }

    /**
     * @param tokenizer   the model's tokenizer, when it has one (prompts are fitted to its context)
     * @param requireGold false only to show prompts of items that cannot be scored
     */
    public static EvaluationPlan plan(RunConfig config, List<SelectedSubject> subjects, DataGate.Checked data,
                                      Optional<Tokenizer> tokenizer, boolean requireGold) {
        PlanContext context = new PlanContext(config.settings(), tokenizer);
        Map<String, TaskPlan> tasks = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> categories = new LinkedHashMap<>();
        List<PlannedItem> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SelectedSubject s : subjects) {
            Task task = s.task();
            categories.computeIfAbsent(task.name(), t -> new LinkedHashMap<>())
                    .put(s.subject().name(), task.categories(s.subject(), config.settings()));
            List<TaskItem> loaded = task.load(s.dataDir(), s.subject(), context, requireGold);
            if (loaded.isEmpty()) {
                throw new ProctorException("subject " + s.key() + " has no items to evaluate in " + s.dataDir());
            }
            List<TaskItem> fitItems = task.fits(config.settings()) && requireGold
                    ? task.loadFitItems(s.dataDir(), s.subject(), context) : List.of();
            for (TaskItem item : concat(fitItems, loaded)) {
                PlannedItem planned = planned(task.name(), item, fitItems.contains(item));
                if (!keys.add(planned.key())) {
                    throw new DataFormatException(item.source().file(), item.source().line(),
                            "duplicate item id " + item.id() + " in task " + task.name());
                }
                items.add(planned);
            }
        }
        for (SelectedSubject s : subjects) {
            Task task = s.task();
            tasks.computeIfAbsent(task.name(), n -> new TaskPlan(task, task.metrics(config.settings()),
                    task.describeSettings(config.settings()), categories.get(n)));
        }
        return new EvaluationPlan(config, subjects, data, tasks, items);
    }

    private static List<TaskItem> concat(List<TaskItem> first, List<TaskItem> second) {
        List<TaskItem> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static PlannedItem planned(String task, TaskItem item, boolean fitOnly) {
        List<String> keys = new ArrayList<>(item.requests().size());
        for (Request r : item.requests()) {
            keys.add(Canonical.requestKey(r));
        }
        String fingerprint = Sha256.of(String.join("\n", keys) + "\n" + Canonical.json(item.gold()));
        return new PlannedItem(task, item, keys, fingerprint, fitOnly);
    }
}
