package dev.proctor.core.run;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The effective configuration of one evaluation; written verbatim into the run's provenance.
 *
 * @param tasks       selections as the user wrote them: {@code cmmlu} (whole task) or {@code cmmlu:agronomy}
 * @param split       the evaluated split
 * @param shots       few-shot examples requested (fewer may be used where the context is too short)
 * @param limit       at most this many items per subject, in file order
 * @param format      prompt convention
 * @param scoring     scoring mode
 * @param seed        seed of every random choice (few-shot sampling)
 * @param batchTokens token budget of one batch (padded tokens), not a fixed batch size
 * @param dataDirs    data directory per task name; key {@link #ANY_TASK} applies to tasks without their own entry
 */
public record RunConfig(
        List<String> tasks,
        Split split,
        int shots,
        OptionalInt limit,
        PromptFormat format,
        ScoringMode scoring,
        long seed,
        int batchTokens,
        Map<String, Path> dataDirs) {

    public static final String ANY_TASK = "*";
    public static final int DEFAULT_BATCH_TOKENS = 8192;

    public RunConfig {
        tasks = List.copyOf(tasks);
        dataDirs = Map.copyOf(dataDirs);
        if (shots < 0) {
            throw new IllegalArgumentException("shots must be >= 0, was " + shots);
        }
        if (batchTokens < 1) {
            throw new IllegalArgumentException("batch-tokens must be >= 1, was " + batchTokens);
        }
    }
}
