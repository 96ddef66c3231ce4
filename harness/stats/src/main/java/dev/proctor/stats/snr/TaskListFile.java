package dev.proctor.stats.snr;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the subtasks that survive filtering in the format {@code proctor run --tasks @file} reads: one
 * {@code task:subject} per line, {@code #} comments saying where the list came from.
 */
public final class TaskListFile {
    private TaskListFile() {
    }

    public static String render(List<FilterResult> results, String provenanceComment) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Subtasks kept by SNR filtering (proctor snr); use with: proctor run --tasks @THIS_FILE\n");
        for (String line : provenanceComment.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        for (FilterResult r : results) {
            sb.append(String.format(Locale.ROOT, "# %s: best %d of %d subtasks by SNR; aggregate SNR %.4g (all %d: %.4g)%n",
                    r.task(), r.bestK(), r.steps().size(), r.best().aggregate().snr(), r.steps().size(),
                    r.all().aggregate().snr()));
            for (String subtask : r.selected()) {
                sb.append(subtask).append('\n');
            }
        }
        return sb.toString();
    }

    public static void write(Path file, List<FilterResult> results, String provenanceComment) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(results, provenanceComment), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProctorException("cannot write the task list " + file + ": " + e.getMessage(), e);
        }
    }
}
