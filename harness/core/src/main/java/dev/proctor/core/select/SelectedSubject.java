package dev.proctor.core.select;

import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import java.nio.file.Path;

/**
 * One subject to evaluate, with where its data comes from.
 *
 * @param task    the task
 * @param subject the subject
 * @param dataDir the data directory the task reads it from
 * @param origin  how that directory was found, which decides how its files are checked
 */
public record SelectedSubject(Task task, Subject subject, Path dataDir, DataOrigin origin) {

    /** {@code task/subject}: the key of per-subject maps. */
    public String key() {
        return task.name() + "/" + subject.name();
    }

    /** The id the subject's files are pinned under in datasets.lock. */
    public String datasetId() {
        return task.datasetId(subject.name());
    }
}
