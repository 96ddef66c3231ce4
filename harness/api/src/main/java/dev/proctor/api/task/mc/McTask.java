package dev.proctor.api.task.mc;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ReferenceAverage;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.TaskSettings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A multiple-choice benchmark: its subjects, how its files are read, and how its prompts look. The
 * multiple-choice task kind turns it into a {@link dev.proctor.api.task.Task} and owns few-shot selection,
 * prompt fitting, the three scoring modes and the metrics. Implementations are cheap to construct (no I/O in the
 * constructor) and are found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.proctor.api.task.mc.McTask}); data is read only by {@link #subjects} and
 * {@link #load}. Every loader error is a {@link dev.proctor.api.DataFormatException} naming file and line.
 */
public interface McTask {

    /** Unique, lower-case name used on the command line ({@code cmmlu}). */
    String name();

    /** One line for listings. */
    String description();

    /** The subjects found in (or defined for) the data directory, in a stable order. */
    List<Subject> subjects(Path dataDir);

    /** The file holding one subject's split; the harness hashes it into the run's provenance. */
    Path dataFile(Path dataDir, Subject subject, Split split);

    /** Loads one subject's split, in file order. Items without a gold answer are kept, marked {@link Item#NO_GOLD}. */
    List<Item> load(Path dataDir, Subject subject, Split split);

    /**
     * Loads one subject's split under the run's task options ({@link #argumentKeys}); the options-free
     * {@link #load(Path, Subject, Split)} unless the benchmark reads some.
     */
    default List<Item> load(Path dataDir, Subject subject, Split split, TaskSettings settings) {
        return load(dataDir, subject, split);
    }

    /** The {@code --task-arg} keys the benchmark itself reads (MMCU's {@code bad-labels}); none by default. */
    default Set<String> argumentKeys() {
        return Set.of();
    }

    /** The benchmark's own options as used, for results.json (their defaults included); none by default. */
    default Map<String, Object> describeSettings(TaskSettings settings) {
        return Map.of();
    }

    /**
     * Whether a question may have several right letters, its answer then being {@link Item#goldLetters} (MMCU's
     * {@code "ABD"}): such a benchmark is scored by generation only, since no one choice's likelihood stands for it.
     */
    default boolean multipleAnswers() {
        return false;
    }

    /** The answer rule of the benchmark's own scorer ({@code mmcu}), used when a run names none; empty: the harness's. */
    default Optional<String> answerRule() {
        return Optional.empty();
    }

    /**
     * Whether a scored item may show an empty option. False by default (an option without text cannot be told
     * apart, so the row is malformed); true where the benchmark's own cleaning empties options and its prompts show
     * them so (MMCU deletes every capital A-D from option texts: the option "AB" is shown as nothing).
     */
    default boolean allowsEmptyOptions() {
        return false;
    }

    /** The prompt formats the benchmark has: its official one and lm-evaluation-harness's, unless it says more. */
    default Set<PromptFormat> formats() {
        return EnumSet.of(PromptFormat.OFFICIAL, PromptFormat.LM_EVAL);
    }

    /** The prompt convention for a format, one of {@link #formats}. */
    McTemplate template(PromptFormat format);

    /**
     * The prompt convention for one subject; the same for every subject unless a task mixes conventions (the
     * bundled suite answers English subjects after a space and Chinese ones without).
     */
    default McTemplate template(PromptFormat format, Subject subject) {
        return template(format);
    }

    /**
     * The groups a subject is averaged into under a prompt format: the benchmark's own categories, unless the format's
     * reference groups them differently (lm-evaluation-harness files MMLU's anatomy under STEM).
     */
    default List<String> categories(Subject subject, PromptFormat format) {
        return subject.categories();
    }

    /** Averages of categories the benchmark's authors report (M3KE's README average); none by default. */
    default List<ReferenceAverage> referenceAverages() {
        return List.of();
    }

    /**
     * How a prompt is made to fit under a format: lm-eval's left truncation for its format; for the official format,
     * hendrycks/test's rule unless the benchmark's own code says otherwise (CMMLU's {@code gen_prompt}).
     */
    default ShotRule shotRule(PromptFormat format, Subject subject) {
        return format == PromptFormat.LM_EVAL ? ShotRule.LM_EVAL_LEFT_TRUNCATE : ShotRule.MMLU_DROP_LAST;
    }

    /** How few-shot examples are drawn for a format. */
    default FewShotSampling fewShotSampling(PromptFormat format) {
        return FewShotSampling.FIRST_N;
    }

    /**
     * Why gold answers of a split cannot be scored, when the release is known to lack them
     * (M3KE's public test split); empty when scoring is possible.
     */
    default Optional<String> unscorableReason(Split split) {
        return Optional.empty();
    }

    /** Data shipped with the task itself (the bundled suite); empty when the user must give {@code --data-dir}. */
    default Optional<Path> bundledDataDir() {
        return Optional.empty();
    }
}
