package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.tasks.mc.MultipleChoiceTask;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code proctor tasks}: lists the tasks, or one task's subjects and categories. */
@Command(name = "tasks", mixinStandardHelpOptions = true, description = "List tasks, or the subjects of one task.")
final class TasksCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "TASK", description = "Show this task's subjects.")
    String task;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory of TASK (bundled data otherwise).")
    Path dataDir;

    @Option(names = "--task-def", paramLabel = "FILE", description = "A YAML/JSON task definition. Repeatable.")
    List<Path> taskDefinitions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TaskOptions options = new TaskOptions();
        options.taskDefinitions = taskDefinitions;
        TaskRegistry registry = options.registry();
        if (task == null) {
            for (Task t : registry.all()) {
                out.printf("%-12s %s%s%s%n", t.name(), t.description(), formats(t),
                        t.bundledDataDir().isPresent() ? " [bundled data]" : "");
            }
            return 0;
        }
        Task t = registry.get(task);
        Path dir = dataDir != null ? dataDir : t.bundledDataDir()
                .orElseThrow(() -> new ProctorException("task " + t.name() + " has no bundled data: give --data-dir"));
        for (Subject s : t.subjects(dir)) {
            out.printf("%s:%s\t%s\t%s%n", t.name(), s.name(), s.displayName(), String.join("; ", s.categories()));
        }
        return 0;
    }

    /** A multiple-choice task's prompt formats ({@code --format}); nothing for other kinds. */
    private static String formats(Task t) {
        if (!(t instanceof MultipleChoiceTask mc)) {
            return "";
        }
        List<String> ids = mc.benchmark().formats().stream().map(PromptFormat::id).toList();
        return " [formats: " + String.join(", ", ids) + "]";
    }
}
