package dev.proctor.api.task;

import dev.proctor.api.metric.Metrics;
import dev.proctor.api.request.RequestKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A benchmark, as the evaluator runs it: subjects read from a data directory, items that make typed requests,
 * and the metrics their responses give. The evaluator owns the order of work (select, check data, plan, schedule,
 * store, aggregate, report); a task supplies only what is its own. Implementations are cheap to construct (no I/O
 * in the constructor) and are found through {@link java.util.ServiceLoader}, directly or through a
 * {@link TaskSource}. Every loader error is a {@link dev.proctor.api.DataFormatException} naming file and line.
 */
public interface Task {

    /** Unique, lower-case name used on the command line ({@code cmmlu}). */
    String name();

    /** One line for listings. */
    String description();

    /**
     * The request kinds this task makes under these settings. Checked against the model's capabilities before any
     * data is read; it must not read data itself.
     */
    Set<RequestKind<?, ?>> requestKinds(TaskSettings settings);

    /** The metrics items report under these settings, and the main one. */
    Metrics metrics(TaskSettings settings);

    /** The {@code --task-arg} keys this task reads. */
    default Set<String> argumentKeys() {
        return Set.of();
    }

    /** The settings this task actually used, as JSON values, for results.json (scoring mode, rule names, k). */
    Map<String, Object> describeSettings(TaskSettings settings);

    /** The subjects found in (or defined for) the data directory, in a stable order. */
    List<Subject> subjects(Path dataDir);

    /** The files one subject reads under these settings, each hashed into the provenance and checked. */
    List<DataFile> dataFiles(Path dataDir, Subject subject, TaskSettings settings);

    /**
     * The dataset id a subject's files are pinned under in datasets.lock: the task's name, unless the task holds
     * several separately pinned datasets (retrieval datasets are subjects of one task).
     */
    default String datasetId(String subject) {
        return name();
    }

    /** The folder the lock's paths of a subject's dataset are relative to. */
    default Path datasetRoot(Path dataDir, Subject subject) {
        return dataDir;
    }

    /** The groups a subject is averaged into under these settings (its categories, unless the task says otherwise). */
    default List<String> categories(Subject subject, TaskSettings settings) {
        return subject.categories();
    }

    /** Averages of categories the benchmark's authors report (M3KE's README average); none by default. */
    default List<ReferenceAverage> referenceAverages() {
        return List.of();
    }

    /** Why these settings cannot be scored (M3KE's public test split has no answers); empty when they can. */
    default Optional<String> unscorableReason(TaskSettings settings) {
        return Optional.empty();
    }

    /** Data shipped with the task itself; empty when the user must give {@code --data-dir}. */
    default Optional<Path> bundledDataDir() {
        return Optional.empty();
    }

    /**
     * Whether, under these settings, the task decides its items with something fitted on other items of the same
     * subject (a detector's threshold chosen on dev, a probe trained on train): then {@link #loadFitItems} gives
     * those items, the model answers them with the rest, and {@link #fit} turns their responses into the
     * {@link SubjectFit} that scores the evaluated items. Fit items are stored and resumed like any other, never
     * reported.
     */
    default boolean fits(TaskSettings settings) {
        return false;
    }

    /** The items a subject fits on (ids distinct from the evaluated ones'); called only when {@link #fits}. */
    default List<TaskItem> loadFitItems(Path dataDir, Subject subject, PlanContext context) {
        return List.of();
    }

    /** Fits on a subject's answered fit items; called only when {@link #fits}. */
    default SubjectFit fit(Subject subject, List<FitExample> examples, TaskSettings settings) {
        throw new UnsupportedOperationException("task " + name() + " fits nothing");
    }

    /**
     * Loads one subject and turns its items into requests, in file order.
     *
     * @param requireGold false only to show prompts of items that cannot be scored
     */
    List<TaskItem> load(Path dataDir, Subject subject, PlanContext context, boolean requireGold);
}
