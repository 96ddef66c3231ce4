package dev.proctor.core.plan;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.run.RunConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task selections as written on the command line: {@code cmmlu} (every subject), {@code cmmlu:agronomy} (one),
 * comma lists, and {@code @file} with one selection per line.
 */
public final class TaskSelection {
    private TaskSelection() {
    }

    /** Splits comma lists and expands {@code @file} arguments ({@code #} starts a comment; blank lines are ignored). */
    public static List<String> expand(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("@")) {
                out.addAll(readFile(Path.of(arg.substring(1)), arg));
            } else {
                addCommaList(arg, out);
            }
        }
        return out;
    }

    private static List<String> readFile(Path file, String arg) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ProctorException("task list " + arg + ": file " + file.toAbsolutePath() + " does not exist");
        } catch (IOException e) {
            throw new ProctorException("task list " + arg + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.startsWith("@")) {
                // One level keeps relative-path questions (relative to what?) out of the picture.
                throw new ProctorException(file + ":" + (i + 1) + ": a task list cannot include another (" + text + ")");
            }
            addCommaList(text, out);
        }
        return out;
    }

    private static void addCommaList(String text, List<String> out) {
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
    }

    /**
     * Resolves expanded selections to subjects, duplicates removed, first occurrence's order kept.
     *
     * @param dataDirs data directory per task name, {@link RunConfig#ANY_TASK} for the rest
     */
    public static List<SelectedSubject> resolve(List<String> selections, TaskRegistry tasks, Map<String, Path> dataDirs) {
        if (selections.isEmpty()) {
            throw new ProctorException("no task selected; known tasks: "
                    + String.join(", ", tasks.all().stream().map(Task::name).toList()));
        }
        Map<String, SelectedSubject> selected = new LinkedHashMap<>();
        Map<String, List<Subject>> subjectsByTask = new HashMap<>();
        for (String selection : selections) {
            int colon = selection.indexOf(':');
            Task task = tasks.get(colon < 0 ? selection : selection.substring(0, colon));
            Path dataDir = dataDir(task, dataDirs);
            List<Subject> subjects = subjectsByTask.computeIfAbsent(task.name(), n -> task.subjects(dataDir));
            if (subjects.isEmpty()) {
                throw new ProctorException("task " + task.name() + " finds no subjects in " + dataDir.toAbsolutePath());
            }
            List<Subject> chosen = colon < 0 ? subjects : List.of(subject(task, subjects, selection.substring(colon + 1)));
            for (Subject subject : chosen) {
                SelectedSubject s = new SelectedSubject(task, subject, dataDir);
                selected.putIfAbsent(s.key(), s);
            }
        }
        return List.copyOf(selected.values());
    }

    private static Subject subject(Task task, List<Subject> subjects, String name) {
        for (Subject subject : subjects) {
            if (subject.name().equals(name)) {
                return subject;
            }
        }
        throw new UnknownNameException(task.name() + " subject", name, subjects.stream().map(Subject::name).toList());
    }

    /** The task's own entry, else the catch-all entry, else the data bundled with the task. */
    static Path dataDir(Task task, Map<String, Path> dataDirs) {
        Path dir = dataDirs.get(task.name());
        if (dir == null) {
            dir = dataDirs.get(RunConfig.ANY_TASK);
        }
        if (dir == null) {
            dir = task.bundledDataDir().orElseThrow(() ->
                    new ProctorException("task " + task.name() + " needs --data-dir (no bundled data)"));
        }
        if (!Files.isDirectory(dir)) {
            throw new ProctorException("data directory " + dir.toAbsolutePath() + " of task " + task.name()
                    + " does not exist or is not a directory");
        }
        return dir;
    }
}
