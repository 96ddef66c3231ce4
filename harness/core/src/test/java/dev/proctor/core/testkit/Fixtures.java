package dev.proctor.core.testkit;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Small data sets and configurations for the core tests. */
public final class Fixtures {
    public static final Subject ALGEBRA = new Subject("algebra", "Algebra", List.of("STEM"));
    public static final Subject HISTORY = new Subject("history", "History", List.of("Humanities", "Local"));
    public static final Subject MUSIC = new Subject("music", "Music", List.of("Humanities"));

    private Fixtures() {
    }

    /** Three subjects of {@code rows} test lines each; gold alternates yes/no; texts differ except a repeat. */
    public static Path writeLines(Path dataDir, int rows) throws IOException {
        for (Subject s : List.of(ALGEBRA, HISTORY, MUSIC)) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                lines.add(s.name() + " line " + i + " " + "x".repeat(i % 5) + "|" + (i % 2 == 0 ? "yes" : "no"));
            }
            LineTask.write(dataDir, "test", s.name(), lines.toArray(String[]::new));
        }
        return dataDir;
    }

    public static TaskSettings settings() {
        return new TaskSettings(Split.TEST, 0, OptionalInt.empty(), PromptFormat.OFFICIAL, ScoringMode.LETTER, 1234,
                Map.of());
    }

    public static RunConfig config(List<String> tasks, int resamples) {
        return new RunConfig(tasks, settings(), RunConfig.DEFAULT_BATCH_TOKENS,
                new BootstrapConfig(resamples, 7, ConfidenceLevel.NINETY_FIVE));
    }
}
