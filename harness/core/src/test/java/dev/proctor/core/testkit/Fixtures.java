package dev.proctor.core.testkit;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Small data sets and configs for the core tests. */
public final class Fixtures {
    public static final Subject ALGEBRA = new Subject("algebra", "Algebra", List.of("STEM"));
    public static final Subject HISTORY = new Subject("history", "History", List.of("Humanities", "Local"));
    public static final Subject MUSIC = new Subject("music", "Music", List.of("Humanities"));

    private Fixtures() {
    }

    /** {@code toy} with three subjects; every question text differs, lengths vary; gold cycles through A-D. */
    public static FakeTask toyTask() {
        return new FakeTask("toy", ALGEBRA, HISTORY, MUSIC);
    }

    public static Path writeToyData(Path dataDir, int testRows, int devRows) throws IOException {
        for (Subject s : List.of(ALGEBRA, HISTORY, MUSIC)) {
            FakeTask.write(dataDir, Split.TEST, s.name(), lines(s.name() + " test", testRows));
            FakeTask.write(dataDir, Split.DEV, s.name(), lines(s.name() + " dev", devRows));
        }
        return dataDir;
    }

    public static String[] lines(String prefix, int rows) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(prefix + " question " + i + " " + "x".repeat((i * 7) % 13)
                    + "|opt a" + i + "|opt b|opt c " + "y".repeat(i % 3) + "|opt d|" + "ABCD".charAt(i % 4));
        }
        return out.toArray(String[]::new);
    }

    public static RunConfig config(List<String> tasks, Path dataDir, PromptFormat format, ScoringMode scoring,
                                   int shots, int batchTokens) {
        return new RunConfig(tasks, Split.TEST, shots, OptionalInt.empty(), format, scoring, 1234, batchTokens,
                Map.of(RunConfig.ANY_TASK, dataDir));
    }
}
