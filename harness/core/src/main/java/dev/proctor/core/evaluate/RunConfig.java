package dev.proctor.core.evaluate;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import java.util.List;
import java.util.Objects;

/**
 * What one evaluation is asked to do; written whole into the run's provenance. Where the data comes from is the
 * {@link dev.proctor.core.select.DataSources}' business, what runs it the model's.
 *
 * @param tasks       selections as the user wrote them: {@code cmmlu} (whole task), {@code cmmlu:agronomy}, or
 *                    {@code @file}
 * @param settings    what every task is asked (split, shots, limit, format, scoring, seed, task options)
 * @param batchTokens token budget of one batch (padded tokens), not a fixed batch size; results do not depend on it
 * @param bootstrap   resamples, seed and level of every interval in the report
 */
public record RunConfig(List<String> tasks, TaskSettings settings, int batchTokens, BootstrapConfig bootstrap) {
    public static final int DEFAULT_BATCH_TOKENS = 8192;

    public RunConfig {
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (batchTokens < 1) {
            throw new ProctorException("--batch-tokens must be 1 or more, was " + batchTokens);
        }
    }
}
