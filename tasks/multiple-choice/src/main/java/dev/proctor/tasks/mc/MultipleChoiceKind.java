package dev.proctor.tasks.mc;

import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskSource;
import dev.proctor.api.task.mc.McTask;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The multiple-choice kind's tasks: every {@link McTask} registered in
 * {@code META-INF/services/dev.proctor.api.task.mc.McTask}, each as a {@link MultipleChoiceTask}. A benchmark that
 * fails to load is an error naming it (the registry reports what this throws), never skipped.
 */
public final class MultipleChoiceKind implements TaskSource {
    @Override
    public List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        for (McTask task : ServiceLoader.load(McTask.class, Thread.currentThread().getContextClassLoader())) {
            tasks.add(new MultipleChoiceTask(task));
        }
        return tasks;
    }
}
