package dev.proctor.core.registry;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The tasks Proctor knows, by name: every {@link Task} service and every task a {@link TaskSource} (a task kind such
 * as multiple choice) makes. Immutable: {@link #with} returns a new registry.
 */
public final class TaskRegistry {
    private final TreeMap<String, Task> byName;

    private TaskRegistry(TreeMap<String, Task> byName) {
        this.byName = byName;
    }

    /** Every task on the class path, from {@code META-INF/services/dev.proctor.api.task.Task} and {@code .TaskSource}. */
    public static TaskRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    static TaskRegistry discover(ClassLoader loader) {
        List<Task> tasks = new ArrayList<>(load(Task.class, "task", loader));
        for (TaskSource source : load(TaskSource.class, "task source", loader)) {
            try {
                tasks.addAll(source.tasks());
            } catch (RuntimeException | LinkageError e) {
                throw failed("task source", source.getClass().getName(), e);
            }
        }
        return of(tasks);
    }

    /** A registry of exactly these tasks (tests, embedding). */
    public static TaskRegistry of(Collection<? extends Task> tasks) {
        TaskRegistry registry = new TaskRegistry(new TreeMap<>());
        for (Task task : tasks) {
            registry = registry.with(task);
        }
        return registry;
    }

    /** This registry plus one more task (a user-defined one); its name must be new. */
    public TaskRegistry with(Task extra) {
        Task existing = byName.get(extra.name());
        if (existing != null) {
            throw new ProctorException("two tasks are named '" + extra.name() + "': " + describe(existing) + " and "
                    + describe(extra) + "; task names must be unique");
        }
        TreeMap<String, Task> copy = new TreeMap<>(byName);
        copy.put(extra.name(), extra);
        return new TaskRegistry(copy);
    }

    public Task get(String name) {
        Task task = byName.get(name);
        if (task == null) {
            throw new UnknownNameException("task", name, byName.keySet());
        }
        return task;
    }

    /** All tasks, sorted by name. */
    public List<Task> all() {
        return List.copyOf(byName.values());
    }

    private static String describe(Task task) {
        return task.getClass().getName() + " (" + task.description() + ")";
    }

    /** Instantiates every provider, turning a broken one into an error that names it instead of skipping it. */
    static <T> List<T> load(Class<T> type, String kind, ClassLoader loader) {
        List<T> out = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<T> provider : ServiceLoader.load(type, loader).stream().toList()) {
                try {
                    out.add(provider.get());
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    throw failed(kind, provider.type().getName(), e);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw failed(kind, "listed in META-INF/services/" + type.getName(), e);
        }
        return out;
    }

    private static ProctorException failed(String kind, String what, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new ProctorException("cannot load " + kind + " plugin " + what + ": " + e.getMessage()
                + (root != e ? " (" + root + ")" : ""), e);
    }
}
