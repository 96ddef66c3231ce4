package dev.proctor.core.select;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Task selections as written on the command line: {@code cmmlu} (every subject), {@code cmmlu:agronomy} (one),
 * comma lists, and {@code @file} with one selection per line.
 */
public final class TaskSelection {
    private TaskSelection() {
    }

    /**
     * One selection: a task and, optionally, one of its subjects.
     *
     * @param task    the task's name
     * @param subject the subject's name, when one is named
     */
    public record Selection(String task, Optional<String> subject) {
        public static Selection parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new Selection(text, Optional.empty())
                    : new Selection(text.substring(0, colon), Optional.of(text.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return subject.map(s -> task + ":" + s).orElse(task);
        }
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

    /** {@link #expand} and parse. */
    public static List<Selection> parse(List<String> args) {
        List<String> expanded = expand(args);
        if (expanded.isEmpty()) {
            throw new ProctorException("no task selected (--tasks is empty)");
        }
        return expanded.stream().map(Selection::parse).toList();
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
}
