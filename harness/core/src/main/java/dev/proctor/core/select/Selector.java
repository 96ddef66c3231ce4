package dev.proctor.core.select;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.model.Model;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.select.TaskSelection.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first step of every evaluation: which tasks, whether the model can serve them, and which subjects, from
 * where. Capabilities and options are checked before any data is read.
 */
public final class Selector {
    private Selector() {
    }

    /** The distinct tasks of the selections, in order of first mention. */
    public static List<Task> tasks(List<Selection> selections, TaskRegistry registry) {
        Set<Task> tasks = new LinkedHashSet<>();
        for (Selection s : selections) {
            tasks.add(registry.get(s.task()));
        }
        return List.copyOf(tasks);
    }

    /**
     * Refuses a task whose request kinds the model does not serve, or whose options it does not know, naming the
     * task, the model and what is missing. Reads no data.
     */
    public static void checkServes(List<Task> tasks, Model model, String modelName, TaskSettings settings) {
        for (Task task : tasks) {
            Set<RequestKind<?, ?>> missing = new LinkedHashSet<>(task.requestKinds(settings));
            missing.removeAll(model.capabilities());
            if (!missing.isEmpty()) {
                StringBuilder why = new StringBuilder();
                missing.forEach(k -> model.whyNot(k).ifPresent(w -> why.append("; ").append(w)));
                throw new ProctorException("task " + task.name() + " needs " + ids(missing) + ", which model "
                        + modelName + " (" + model.info().kind() + ") does not serve; it serves "
                        + ids(model.capabilities()) + why);
            }
        }
        checkArguments(tasks, settings);
    }

    /** Every {@code --task-arg} key must be read by a selected task. */
    public static void checkArguments(List<Task> tasks, TaskSettings settings) {
        Set<String> known = new TreeSet<>();
        tasks.forEach(t -> known.addAll(t.argumentKeys()));
        Set<String> unknown = new TreeSet<>(settings.args().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ProctorException("--task-arg " + String.join(", ", unknown) + ": not an option of the selected"
                    + " tasks" + (known.isEmpty() ? ", which take none" : "; their options are " + String.join(", ", known)));
        }
    }

    /**
     * Resolves the selections to subjects and their data directories, duplicates removed, first occurrence's order
     * kept.
     *
     * @param requireGold false to show prompts of splits that cannot be scored
     */
    public static List<SelectedSubject> subjects(List<Selection> selections, TaskRegistry registry, DataSources data,
                                                 TaskSettings settings, boolean requireGold) {
        data.checkGivenTasks(selections.stream().map(Selection::task).toList());
        Map<String, SelectedSubject> selected = new LinkedHashMap<>();
        Map<String, List<Subject>> subjectsByDir = new HashMap<>(); // by task and directory
        for (Selection selection : selections) {
            Task task = registry.get(selection.task());
            if (requireGold) {
                task.unscorableReason(settings).ifPresent(reason -> {
                    throw new ProctorException("cannot score " + task.name() + " " + settings.split().id() + ": "
                            + reason);
                });
            }
            DataSources.Resolved where = data.resolve(task, selection.subject());
            List<Subject> subjects = subjectsByDir.computeIfAbsent(task.name() + "\u0000"
                    + where.dir().toAbsolutePath().normalize(), d -> task.subjects(where.dir()));
            if (subjects.isEmpty()) {
                throw new ProctorException("task " + task.name() + " finds no subjects in "
                        + where.dir().toAbsolutePath());
            }
            List<Subject> chosen = selection.subject().isEmpty() ? subjects
                    : List.of(subject(task, subjects, selection.subject().get(), where));
            for (Subject subject : chosen) {
                SelectedSubject s = new SelectedSubject(task, subject, where.dir(), where.origin());
                selected.putIfAbsent(s.key(), s);
            }
        }
        return List.copyOf(selected.values());
    }

    private static Subject subject(Task task, List<Subject> subjects, String name, DataSources.Resolved where) {
        for (Subject subject : subjects) {
            if (subject.name().equals(name)) {
                return subject;
            }
        }
        // A dataset fetched under its lock id is that subject, whatever its folder calls itself.
        if (where.lockedAs().filter(name::equals).isPresent() && subjects.size() == 1) {
            Subject only = subjects.get(0);
            return new Subject(name, only.displayName(), only.categories());
        }
        throw new UnknownNameException(task.name() + " subject", name, subjects.stream().map(Subject::name).toList());
    }

    private static String ids(Set<RequestKind<?, ?>> kinds) {
        List<String> ids = new ArrayList<>();
        kinds.forEach(k -> ids.add(k.id()));
        return ids.isEmpty() ? "nothing" : String.join(", ", ids);
    }
}
